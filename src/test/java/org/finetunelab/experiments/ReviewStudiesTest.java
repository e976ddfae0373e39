package org.finetunelab.experiments;

import ai.djl.Device;
import org.finetunelab.model.Gpt;
import org.finetunelab.model.GptConfig;
import org.finetunelab.model.ModelFiles;
import org.finetunelab.plot.DataChart;
import org.finetunelab.plot.OverfittingChart;
import org.finetunelab.text.BpeTrainer;
import org.finetunelab.text.BpeTrainingConfig;
import org.finetunelab.text.LabelledTexts;
import org.finetunelab.text.LabelledTexts.Example;
import org.finetunelab.train.Batch;
import org.finetunelab.train.BatchSource;
import org.finetunelab.train.LanguageModelLoss;
import org.finetunelab.train.StepRecord;
import org.finetunelab.train.TokenWindows;
import org.finetunelab.train.TrainConfig;
import org.finetunelab.train.Trainer;
import org.finetunelab.train.TrainingResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The overfitting and data studies on a tiny random model: subsets, wrong labels, early stopping, seeds, tables. */
class ReviewStudiesTest {
    @TempDir
    static Path dir;
    static Path model;
    static LabelledTexts reviews;

    @BeforeAll
    static void tinyModel() throws Exception {
        reviews = LabelledTexts.load(MethodComparisonTest.smallReviews());
        List<String> texts = new ArrayList<>();
        reviews.train().forEach(e -> texts.add(e.text()));
        Path tokenizer = new BpeTrainer(BpeTrainingConfig.ofVocabSize(300)).train(texts).save(dir.resolve("tok.json"));
        model = dir.resolve("model");
        try (Gpt gpt = Gpt.create(new GptConfig(300, 32, 16, 2, 2, 4, 0f, true, "gelu", 1e-5f), 3, Device.cpu())) {
            ModelFiles.save(gpt, model, tokenizer);
        }
    }

    static MethodComparison.Settings few() {
        return new MethodComparison.Settings(4, 4, 16, 2, 1);
    }

    @Test
    void aSubsetTakesTheLabelsInTurnAndDependsOnTheSeed() {
        List<Example> eight = ReviewClassifier.subset(reviews.train(), 8, 5);
        assertEquals(8, eight.size());
        assertEquals(Map.of("negative", 4, "positive", 4), LabelledTexts.counts(eight));
        assertEquals(eight, ReviewClassifier.subset(reviews.train(), 8, 5));
        assertNotEquals(eight, ReviewClassifier.subset(reviews.train(), 8, 6));
        assertEquals(reviews.train(), ReviewClassifier.subset(reviews.train(), OverfittingStudy.ALL, 5));
    }

    @Test
    void corruptionFlipsExactlyTheAskedShare() {
        List<Example> train = reviews.train();
        for (double share : new double[]{0, 0.1, 0.3, 1}) {
            List<Example> noisy = ReviewClassifier.corrupt(train, reviews.labels(), share, 9);
            long flipped = 0;
            for (int i = 0; i < train.size(); i++) {
                assertEquals(train.get(i).text(), noisy.get(i).text());
                flipped += train.get(i).label().equals(noisy.get(i).label()) ? 0 : 1;
            }
            assertEquals(Math.round(share * train.size()), flipped, "share " + share);
        }
        assertNotEquals(ReviewClassifier.corrupt(train, reviews.labels(), 0.3, 1),
                ReviewClassifier.corrupt(train, reviews.labels(), 0.3, 2), "the seed chooses which labels are wrong");
        assertThrows(IllegalArgumentException.class, () -> ReviewClassifier.corrupt(train, reviews.labels(), 1.5, 1));
    }

    @Test
    void earlyStoppingReadFromTheCurveIsWhereTheTrainerStopsAndWhatItRestores() {
        int[] tokens = new int[3000];
        Random r = new Random(1);
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = i % 12 == 0 ? r.nextInt(23) : (tokens[i - 1] + 1 + (i / 12) % 3) % 23;
        }
        Batch only = TokenWindows.builder(tokens).batchSize(2).windowLength(16).seed(4).build().batch(0);
        BatchSource same = new BatchSource() {
            public Batch batch(long index) {
                return only;
            }

            public int batchSize() {
                return only.rows();
            }

            public int sequenceLength() {
                return only.length();
            }
        };
        List<Batch> val = TokenWindows.builder(tokens).batchSize(4).windowLength(16).seed(77).build().sequential(3);
        TrainConfig full = TrainConfig.defaults(300).withLearningRate(5e-3f, 5e-3f).withWarmup(0).withEvaluation(10, 3);
        Function<TrainConfig, TrainingResult> train = config -> {
            try (Gpt gpt = Gpt.create(new GptConfig(23, 16, 32, 2, 2, 4, 0f, true, "gelu", 1e-5f), 2, Device.cpu());
                 Trainer t = Trainer.builder(gpt).config(config).train(same).validation(val).build()) {
                TrainingResult result = t.fit();
                if (config.restoreBest()) {
                    assertEquals(result.bestValLoss(), LanguageModelLoss.evaluate(gpt, val), 1e-5, "best weights restored");
                }
                return result;
            }
        };
        TrainingResult stopped = train.apply(full.withEarlyStopping(3, true));
        // A constant learning rate: the run without early stopping is the same run up to that step.
        TrainingResult unstopped = train.apply(full.withSteps(stopped.stepsDone()));
        OverfittingStudy.EarlyStop read = OverfittingStudy.earlyStop(unstopped.history().records(), 3);
        assertTrue(read.stopped(), "one batch against other data overfits within 300 steps");
        assertEquals("early stopping", stopped.stopReason());
        assertEquals(stopped.stepsDone() - 1, read.step());
        assertEquals(stopped.bestValLoss(), read.valLoss(), 1e-9);
    }

    @Test
    void earlyStoppingNeedsPatienceEvaluationsWithoutAStrictlyLowerLoss() {
        List<StepRecord> curve = new ArrayList<>();
        double[] val = {1.0, 0.8, 0.8, 0.9, 0.7, 0.75, 0.75, 0.9};
        for (int i = 0; i < val.length; i++) {
            curve.add(new StepRecord(i, 0.5, val[i], 1e-3, 1, 100));
        }
        assertEquals(new OverfittingStudy.EarlyStop(3, 0.8, true), OverfittingStudy.earlyStop(curve, 2));
        assertEquals(new OverfittingStudy.EarlyStop(7, 0.7, true), OverfittingStudy.earlyStop(curve, 3));
        assertEquals(new OverfittingStudy.EarlyStop(7, 0.7, false), OverfittingStudy.earlyStop(curve, 4));
    }

    @Test
    void theOverfittingStudyHasARowPerSettingAndTheSameSeedReproduces() throws Exception {
        var settings = new OverfittingStudy.Settings(List.of(8, OverfittingStudy.ALL), "lora", few(), 2, 0.1f, 8);
        List<String> started = new ArrayList<>();
        List<OverfittingStudy.Run> runs = OverfittingStudy.study(model, reviews, settings, new long[]{1, 2},
                (setting, seed, index, count, live) -> {
                    started.add(index + "/" + count + " " + setting + " " + seed);
                    return List.of();
                });
        assertEquals(List.of("0/6 lora, 8 examples 1", "1/6 lora, 36 examples 1", "2/6 lora, 8 examples, dropout 0.1 1",
                "3/6 lora, 8 examples 2", "4/6 lora, 36 examples 2", "5/6 lora, 8 examples, dropout 0.1 2"), started);
        Table summary = OverfittingStudy.summary(runs, 2);
        assertEquals(List.of("lora, 8 examples", "lora, 36 examples", "lora, 8 examples, dropout 0.1"),
                summary.stringColumn(OverfittingStudy.SETTING).asList());
        OverfittingStudy.Run first = runs.get(0);
        assertEquals(2, first.result().tracked().size(), "a train-set loss at each of the 2 evaluations");
        assertEquals(first.result().valLosses().get(1) - first.result().tracked().get(1), first.gap(), 1e-12);
        assertNotEquals(first.result().valLosses(), runs.get(3).result().valLosses(), "another seed, another run");
        List<OverfittingStudy.Run> again = OverfittingStudy.study(model, reviews, settings.withSizes(List.of(8)),
                new long[]{1}, ReviewClassifier.Progress.NONE);
        assertEquals(first.result().valLosses(), again.get(0).result().valLosses(), "the same seed gives the same run");
        assertFalse(OverfittingStudy.verdict(summary).isBlank());
        OverfittingChart.curves(runs, "lora");
    }

    @Test
    void theDataStudyHasARowPerSettingWithWrongLabelsLast() throws Exception {
        var settings = new DataStudy.Settings(List.of(4, OverfittingStudy.ALL), "prompt,lora", few(), List.of(0.3), "lora");
        List<DataStudy.Run> runs = DataStudy.study(model, reviews, settings, new long[]{1, 2}, ReviewClassifier.Progress.NONE);
        Table summary = DataStudy.summary(runs);
        assertEquals(List.of("prompt, 4 examples", "prompt, 36 examples", "lora, 4 examples", "lora, 36 examples",
                "lora, 36 examples, 30% wrong labels"), summary.stringColumn(DataStudy.SETTING).asList());
        assertTrue(summary.intColumn(DataStudy.SEEDS).asList().stream().allMatch(n -> n == 2));
        for (DataStudy.Run r : runs) {
            assertEquals(r.result().tracked().get(r.result().tracked().size() - 1), r.result().accuracy(),
                    "the accuracy at the last evaluation is the accuracy at the end");
        }
        String verdict = DataStudy.verdict(summary, reviews.test().size());
        assertTrue(verdict.contains("lora, 36 examples, 30% wrong labels ("), verdict);
        DataChart.examples(summary);
        DataChart.wrongLabels(summary);
    }
}
