package org.finetunelab.experiments;

import ai.djl.Device;
import org.finetunelab.model.Gpt;
import org.finetunelab.model.GptConfig;
import org.finetunelab.model.ModelFiles;
import org.finetunelab.peft.ClassificationHead;
import org.finetunelab.peft.FineTuningMethod;
import org.finetunelab.plot.ComparisonChart;
import org.finetunelab.stats.Seeds;
import org.finetunelab.text.BpeTrainer;
import org.finetunelab.text.BpeTrainingConfig;
import org.finetunelab.text.LabelledTexts;
import org.finetunelab.train.StepRecord;
import org.finetunelab.train.TrainingListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.Table;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The comparison on a tiny random model with a tokenizer made for the test; a few steps per method. */
class MethodComparisonTest {
    static final List<String> COLUMNS = List.of(MethodComparison.METHOD, MethodComparison.SEED, MethodComparison.TRAINABLE,
            MethodComparison.PERCENT, MethodComparison.MS_PER_STEP, MethodComparison.OPTIMIZER_BYTES,
            MethodComparison.SAVED_BYTES, MethodComparison.BEST_VAL_LOSS, MethodComparison.ACCURACY,
            MethodComparison.BASE_CHANGED);
    static final Set<String> CHANGE_THE_BASE = Set.of("full", "freeze", "bitfit");

    @TempDir
    static Path dir;
    static Path model;
    static LabelledTexts reviews;
    static Table table;
    static final List<String> events = new ArrayList<>();
    static final AtomicInteger steps = new AtomicInteger();

    static Path smallReviews() {
        try {
            return Path.of(MethodComparisonTest.class.getResource("/org/finetunelab/text/reviews-small.jsonl").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    static void runTheComparisonOnATinyModel() throws Exception {
        reviews = LabelledTexts.load(smallReviews());
        List<String> texts = new ArrayList<>();
        reviews.train().forEach(e -> texts.add(e.text()));
        Path tokenizer = new BpeTrainer(BpeTrainingConfig.ofVocabSize(300)).train(texts).save(dir.resolve("tok.json"));
        model = dir.resolve("model");
        try (Gpt gpt = Gpt.create(new GptConfig(300, 32, 16, 2, 2, 4, 0f, true, "gelu", 1e-5f), 3, Device.cpu())) {
            ModelFiles.save(gpt, model, tokenizer);
        }
        MethodComparison.Settings settings = new MethodComparison.Settings(4, 4, 16, 2, 1);
        table = new MethodComparison(model, reviews, settings).run(MethodComparison.defaultMethods(),
                new MethodComparison.Progress() {
                    @Override
                    public TrainingListener onMethodStart(MethodComparison.Method method, long seed, int index, int count) {
                        events.add("start " + method.name() + " " + index + "/" + count);
                        return new TrainingListener() {
                            @Override
                            public void onStep(StepRecord record) {
                                steps.incrementAndGet();
                            }
                        };
                    }

                    @Override
                    public void onMethodEnd(MethodComparison.Result result, int index, int count) {
                        events.add("end " + result.method());
                    }
                });
    }

    static int row(String method) {
        List<String> methods = table.stringColumn(MethodComparison.METHOD).asList();
        assertTrue(methods.contains(method), method + " missing from " + methods);
        return methods.indexOf(method);
    }

    @Test
    void theTableHasARowPerMethodAndEveryColumn() {
        List<String> names = MethodComparison.defaultMethods().stream().map(MethodComparison.Method::name).toList();
        assertEquals(names, table.stringColumn(MethodComparison.METHOD).asList());
        assertEquals(COLUMNS, table.columnNames());
        for (int r = 0; r < table.rowCount(); r++) {
            String m = names.get(r);
            assertEquals(1, table.longColumn(MethodComparison.SEED).get(r), m);
            assertTrue(table.longColumn(MethodComparison.SAVED_BYTES).get(r) > 0, m);
            if (m.equals(MethodComparison.BAG_OF_WORDS)) {
                assertTrue(table.doubleColumn(MethodComparison.PERCENT).isMissing(r), "the baseline is no part of the model");
                continue;
            }
            assertTrue(table.doubleColumn(MethodComparison.MS_PER_STEP).get(r) > 0, m);
            assertTrue(table.longColumn(MethodComparison.OPTIMIZER_BYTES).get(r) > 0, m);
            assertTrue(Double.isFinite(table.doubleColumn(MethodComparison.BEST_VAL_LOSS).get(r)), m);
            double accuracy = table.doubleColumn(MethodComparison.ACCURACY).get(r);
            assertTrue(accuracy >= 0 && accuracy <= 1, m + ": " + accuracy);
        }
        assertEquals(100.0, table.doubleColumn(MethodComparison.PERCENT).get(row("full")), 1e-9);
    }

    @Test
    void progressIsReportedForEveryMethodAndStep() {
        int n = MethodComparison.defaultMethods().size();
        assertEquals(2 * n, events.size());
        assertEquals("start bag-of-words 0/" + n, events.get(0));
        assertEquals("end bag-of-words", events.get(1));
        assertEquals("start probe 1/" + n, events.get(2));
        assertEquals(4 * (n - 1), steps.get(), "four steps of every neural method; the baseline reports none");
    }

    @Test
    void trainableCountsAreTheMethodsPlusTheHead() throws Exception {
        for (MethodComparison.Method method : MethodComparison.defaultMethods()) {
            if (method.isBaseline()) {
                continue;
            }
            try (Gpt gpt = ModelFiles.load(model)) {
                ClassificationHead head = ClassificationHead.attach(gpt, 2);
                FineTuningMethod handle = method.apply().apply(gpt, 1);
                long expected = (handle == null ? 0 : handle.trainableCount()) + head.parameterCount();
                assertEquals(expected, table.longColumn(MethodComparison.TRAINABLE).get(row(method.name())),
                        method.name());
                assertEquals(100.0 * expected / gpt.parameterCount(),
                        table.doubleColumn(MethodComparison.PERCENT).get(row(method.name())), 1e-9, method.name());
            }
        }
        // The probe trains the head alone: 16 inputs and a bias for each of the 2 classes.
        assertEquals(34, table.longColumn(MethodComparison.TRAINABLE).get(row("probe")));
    }

    @Test
    void loraNeedsFarLessOptimizerStateAndDiskThanFullFineTuning() {
        int lora = row("lora");
        int full = row("full");
        long loraState = table.longColumn(MethodComparison.OPTIMIZER_BYTES).get(lora);
        long fullState = table.longColumn(MethodComparison.OPTIMIZER_BYTES).get(full);
        assertEquals(8L * table.longColumn(MethodComparison.TRAINABLE).get(full), fullState,
                "AdamW keeps two float moments per trainable weight");
        assertTrue(loraState * 5 < fullState, loraState + " vs " + fullState);
        long loraSaved = table.longColumn(MethodComparison.SAVED_BYTES).get(lora);
        long fullSaved = table.longColumn(MethodComparison.SAVED_BYTES).get(full);
        assertTrue(loraSaved * 4 < fullSaved, loraSaved + " vs " + fullSaved);
        assertTrue(fullSaved > 4L * table.longColumn(MethodComparison.TRAINABLE).get(full),
                "full fine-tuning saves every weight");
    }

    @Test
    void onlyFullFreezeAndBitFitChangeTheBaseWeights() {
        for (MethodComparison.Method method : MethodComparison.defaultMethods()) {
            boolean changed = table.booleanColumn(MethodComparison.BASE_CHANGED).get(row(method.name()));
            assertEquals(CHANGE_THE_BASE.contains(method.name()), changed, method.name());
        }
    }

    @Test
    void methodsArePickedByNameAndUnknownNamesListTheValidOnes() {
        assertEquals(List.of("lora", "full"), MethodComparison.methods(" LoRA, full ").stream()
                .map(MethodComparison.Method::name).toList());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MethodComparison.methods("lora,qlora"));
        assertTrue(e.getMessage().contains("'qlora'"), e.getMessage());
        for (MethodComparison.Method m : MethodComparison.defaultMethods()) {
            assertTrue(e.getMessage().contains(m.name()), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> MethodComparison.methods("lora,lora"));
        assertThrows(IllegalArgumentException.class, () -> MethodComparison.methods(" , "));
    }

    @Test
    void theChartHasAPointPerMethodOnALogAxis() {
        XYChart chart = ComparisonChart.of(table);
        assertEquals(table.rowCount(), chart.getSeriesMap().size(), "a point per method and the baseline's line");
        assertTrue(chart.getStyler().isXAxisLogarithmic());
        assertEquals(table.rowCount(), ComparisonChart.bars(table, MethodComparison.MS_PER_STEP)
                .getSeriesMap().get(MethodComparison.MS_PER_STEP).getXData().size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ComparisonChart.bars(table, MethodComparison.METHOD));
        assertTrue(e.getMessage().contains("not numeric"), e.getMessage());
        assertFalse(ComparisonChart.of(MethodComparison.table(List.of())).getSeriesMap().isEmpty());
    }

    @Test
    void severalSeedsGiveAMeanAndASpreadPerMethodAndTheSameSeedRepeatsARun() throws Exception {
        List<MethodComparison.Method> methods = MethodComparison.methods("bag-of-words,probe,lora");
        List<MethodComparison.Result> runs = new MethodComparison(model, reviews, new MethodComparison.Settings(4, 4, 16, 2, 1))
                .runSeeds(methods, Seeds.of(2, 1), MethodComparison.Progress.NONE);
        assertEquals(6, runs.size());
        assertEquals(List.of(1L, 1L, 1L, 2L, 2L, 2L), runs.stream().map(MethodComparison.Result::seed).toList());
        // Seed 1 is the seed of the comparison above: the same run, bit for bit.
        MethodComparison.Result lora1 = runs.get(2);
        assertEquals(table.doubleColumn(MethodComparison.BEST_VAL_LOSS).get(row("lora")), lora1.bestValLoss());
        assertEquals(table.doubleColumn(MethodComparison.ACCURACY).get(row("lora")), lora1.accuracy());
        // Another seed starts the head and LoRA elsewhere and shuffles the batches differently.
        assertTrue(lora1.bestValLoss() != runs.get(5).bestValLoss(), "seed 2 gave the same LoRA run as seed 1");
        assertTrue(runs.get(1).bestValLoss() != runs.get(4).bestValLoss(), "seed 2 gave the same probe run as seed 1");

        Table summary = MethodComparison.summary(runs);
        assertEquals(List.of("bag-of-words", "probe", "lora"), summary.stringColumn(MethodComparison.METHOD).asList());
        for (int r = 0; r < 3; r++) {
            double a = runs.get(r).accuracy();
            double b = runs.get(r + 3).accuracy();
            assertEquals(2, summary.longColumn(MethodComparison.SEEDS).get(r));
            assertEquals((a + b) / 2, summary.doubleColumn(MethodComparison.ACCURACY).get(r), 1e-12);
            assertEquals(Math.abs(a - b) / Math.sqrt(2), summary.doubleColumn(MethodComparison.ACCURACY_STD).get(r), 1e-12);
            assertEquals(Math.min(a, b), summary.doubleColumn(MethodComparison.ACCURACY_MIN).get(r));
            assertEquals(Math.max(a, b), summary.doubleColumn(MethodComparison.ACCURACY_MAX).get(r));
        }
        XYChart chart = ComparisonChart.of(summary);
        assertTrue(chart.getSeriesMap().get("lora").getExtraValues() != null, "the points carry error bars");
        assertTrue(chart.getSeriesMap().containsKey("bag-of-words (no model)"), "the baseline is a line");
        assertEquals(3, ComparisonChart.accuracyBars(summary).getSeriesMap().values().iterator().next().getXData().size());
        String verdict = MethodComparison.verdict(summary, reviews.test().size());
        assertFalse(verdict.contains("single seed"), verdict);
        assertTrue(verdict.contains("bag-of-words") && verdict.contains("probe"), verdict);
    }

    @Test
    void withOneSeedNothingIsRanked() {
        Table summary = MethodComparison.summary(List.of(
                result("probe", 1, 0.60), result("full", 1, 0.95)));
        assertTrue(MethodComparison.verdict(summary, 144).contains("single seed"));
    }

    static MethodComparison.Result result(String method, long seed, double accuracy) {
        return new MethodComparison.Result(method, seed, 10, 1, 1, 8, 4, 0.5, accuracy, false, 1);
    }
}
