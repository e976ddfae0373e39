package org.finetunelab.experiments;

import org.finetunelab.model.Gpt;
import org.finetunelab.model.GptConfig;
import org.finetunelab.model.ModelFiles;
import org.finetunelab.peft.ClassificationHead;
import org.finetunelab.peft.LabelledExamples;
import org.finetunelab.text.LabelledTexts;
import org.finetunelab.text.LabelledTexts.Example;
import org.finetunelab.text.Tokenizer;
import org.finetunelab.train.Batch;
import org.finetunelab.train.LanguageModelLoss;
import org.finetunelab.train.StepRecord;
import org.finetunelab.train.TrainConfig;
import org.finetunelab.train.Trainer;
import org.finetunelab.train.TrainingListener;
import org.finetunelab.train.TrainingResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleSupplier;

/**
 * One run of the review classifier that the overfitting and data studies repeat: the base model with a
 * {@link ClassificationHead} and one fine-tuning method of {@link MethodComparison}, trained on a chosen training
 * split and measured on the held-out reviews. At every evaluation it also measures one figure of its own
 * ({@link Tracked}), which a live chart can draw beside the losses.
 * <pre>{@code
 * var reviews = LabelledTexts.load(Path.of("data/datasets/sentiment/reviews.jsonl"));
 * var small = reviews.withTrain(ReviewClassifier.subset(reviews.train(), 64, 42));
 * var run = ReviewClassifier.train(Path.of("data/models/base"), small, MethodComparison.methods("lora").get(0),
 *         MethodComparison.Settings.defaults().withSeed(42), 0f, ReviewClassifier.Tracked.TRAIN_LOSS, null, List.of());
 * }</pre>
 */
public final class ReviewClassifier {
    /** At most this many training reviews are scored for the train-set loss: enough for a curve, cheap to measure. */
    public static final int TRAIN_LOSS_SAMPLE = 96;

    private ReviewClassifier() {
    }

    /** The figure measured at every evaluation besides the validation loss. */
    public enum Tracked {
        /** The loss on (up to {@value #TRAIN_LOSS_SAMPLE}) training reviews, without dropout: the other half of the gap. */
        TRAIN_LOSS("train-set loss"),
        /** The share of held-out reviews classified right. */
        ACCURACY("held-out accuracy");

        private final String label;

        Tracked(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * What one run measured.
     *
     * @param training  the trainer's result: every step's train loss and the validation losses
     * @param tracked   the tracked figure at each evaluation, in the order of the evaluated steps
     * @param accuracy  held-out accuracy with the weights at the end of training
     * @param trainable weights that training updated (method and head)
     */
    public record Run(TrainingResult training, List<Double> tracked, double accuracy, long trainable) {
        /** The steps at which validation (and the tracked figure) was measured. */
        public List<Long> evaluatedSteps() {
            return training.history().records().stream().filter(StepRecord::evaluated).map(StepRecord::step).toList();
        }

        /** The validation loss at each evaluation. */
        public List<Double> valLosses() {
            return training.history().records().stream().filter(StepRecord::evaluated).map(StepRecord::valLoss).toList();
        }
    }

    /** What a study tells its caller before each run: a CLI draws a progress bar, a notebook one live chart. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (setting, seed, index, count, live) -> List.of();

        /** Run {@code index} of {@code count} begins; returns listeners for its steps ({@code live} holds its tracked figure). */
        List<TrainingListener> onRun(String setting, long seed, int index, int count, Live live);
    }

    /** The value a live chart reads while a run trains: the latest tracked figure (NaN before the first evaluation). */
    public static final class Live implements DoubleSupplier {
        private volatile double latest = Double.NaN;
        private volatile String label = "";

        @Override
        public double getAsDouble() {
            return latest;
        }

        /** What the figure is, e.g. "train-set loss" (empty until the run starts). */
        public String label() {
            return label;
        }
    }

    /** The {@link MethodComparison} methods named in {@code names}, refusing the bag-of-words row, which trains no network. */
    public static List<MethodComparison.Method> methods(String names) {
        List<MethodComparison.Method> out = MethodComparison.methods(names);
        out.stream().filter(MethodComparison.Method::isBaseline).findFirst().ifPresent(m -> {
            throw new IllegalArgumentException("method '" + m.name() + "' trains no neural network; choose among the"
                    + " fine-tuning methods, e.g. prompt, lora, full");
        });
        return out;
    }

    /**
     * {@code n} training examples drawn with {@code seed}, the labels taking turns (4 of each of two labels for n = 8),
     * so that a handful of examples never holds one label only. {@code n} at least the split's size gives all of it.
     */
    public static List<Example> subset(List<Example> train, int n, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("training subset: n = " + n + " examples; take at least 1");
        }
        if (n >= train.size()) {
            return List.copyOf(train);
        }
        List<Example> shuffled = new ArrayList<>(train);
        Collections.shuffle(shuffled, new Random(seed));
        Map<String, List<Example>> byLabel = new LinkedHashMap<>();
        shuffled.forEach(e -> byLabel.computeIfAbsent(e.label(), k -> new ArrayList<>()).add(e));
        List<Example> out = new ArrayList<>(n);
        for (int i = 0; out.size() < n; i++) {
            for (List<Example> ofLabel : byLabel.values()) {
                if (i < ofLabel.size() && out.size() < n) {
                    out.add(ofLabel.get(i));
                }
            }
        }
        return out;
    }

    /**
     * The examples with a seeded share of them given a wrong label: exactly {@code round(share · n)} examples, each
     * moved to the next label in {@code labels} (the other one, with two labels). The others stay as they are.
     */
    public static List<Example> corrupt(List<Example> train, List<String> labels, double share, long seed) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("corrupted share = " + share + " must be between 0 and 1");
        }
        int flips = (int) Math.round(share * train.size());
        Integer[] order = new Integer[train.size()];
        Arrays.setAll(order, i -> i);
        Collections.shuffle(Arrays.asList(order), new Random(seed));
        List<Example> out = new ArrayList<>(train);
        for (int k = 0; k < flips; k++) {
            Example e = out.get(order[k]);
            String wrong = labels.get((labels.indexOf(e.label()) + 1) % labels.size());
            out.set(order[k], new Example(e.id(), e.text(), wrong, e.line()));
        }
        return out;
    }

    /**
     * Trains a fresh copy of the base model in {@code modelFolder} on {@code data}'s training split with
     * {@code method} and measures it on the held-out split.
     *
     * @param settings  steps, batch size, text length, evaluation interval and the run's seed
     * @param dropout   dropout probability while training (0 as the base model was trained; a regulariser above 0)
     * @param tracked   the figure measured at every evaluation besides the validation loss
     * @param live      receives the tracked figure as it is measured, for a live chart (may be null)
     * @param listeners follow the training steps (a progress bar, a live chart)
     */
    public static Run train(Path modelFolder, LabelledTexts data, MethodComparison.Method method,
                            MethodComparison.Settings settings, float dropout, Tracked tracked, Live live,
                            List<TrainingListener> listeners) throws IOException {
        if (method.isBaseline()) {
            throw new IllegalArgumentException("method '" + method.name() + "' trains no neural network; choose a fine-tuning method");
        }
        long seed = settings.seed();
        if (live != null) {
            live.label = tracked.label();
        }
        try (Tokenizer tokenizer = Tokenizer.load(modelFolder.resolve(ModelFiles.TOKENIZER));
             Gpt model = load(modelFolder, dropout)) {
            List<int[]> trainIds = ids(tokenizer, data.train(), settings.maxTokens());
            List<int[]> testIds = ids(tokenizer, data.test(), settings.maxTokens());
            // Rows as long as the longest review, not maxTokens: padding costs as much as text.
            int length = java.util.stream.Stream.concat(trainIds.stream(), testIds.stream()).mapToInt(a -> a.length).max().orElse(1);
            int pad = tokenizer.endOfTextId();
            LabelledExamples train = new LabelledExamples(trainIds, labels(data, data.train()), settings.batchSize(), length, pad, seed);
            List<Batch> test = new LabelledExamples(testIds, labels(data, data.test()), settings.batchSize(), length, pad, seed).inOrder();
            int sample = Math.min(TRAIN_LOSS_SAMPLE, trainIds.size());
            List<Batch> trainSample = new LabelledExamples(trainIds.subList(0, sample),
                    Arrays.copyOf(labels(data, data.train()), sample), settings.batchSize(), length, pad, seed).inOrder();

            ClassificationHead head = ClassificationHead.attach(model, data.labels().size(), seed);
            method.apply().apply(model, seed);
            head.setTrainable(true);
            long trainable = model.trainableParameterCount();
            float lr = method.learningRate();
            TrainConfig config = TrainConfig.defaults(settings.steps()).withLearningRate(lr, lr / 10)
                    .withWarmup(settings.steps() / 10).withEvaluation(settings.evalEvery(), test.size()).withSeed(seed);
            List<Double> values = new ArrayList<>();
            try (Trainer trainer = Trainer.builder(model).config(config).train(train).validation(test)
                    .objective(head.objective()).build()) {
                // First, so that a live chart added after it reads this evaluation's value.
                trainer.addListener(new TrainingListener() {
                    @Override
                    public void onStep(StepRecord r) {
                        if (r.evaluated()) {
                            double v = tracked == Tracked.TRAIN_LOSS
                                    ? LanguageModelLoss.evaluate(model, trainSample, head.objective())
                                    : head.accuracy(model, test);
                            values.add(v);
                            if (live != null) {
                                live.latest = v;
                            }
                        }
                    }
                });
                listeners.forEach(trainer::addListener);
                TrainingResult result = trainer.fit();
                double accuracy = tracked == Tracked.ACCURACY && !values.isEmpty()
                        && result.history().last().evaluated() ? values.get(values.size() - 1) : head.accuracy(model, test);
                return new Run(result, List.copyOf(values), accuracy, trainable);
            }
        }
    }

    /** The base model, with dropout switched on while training when {@code dropout} is above 0. */
    private static Gpt load(Path folder, float dropout) throws IOException {
        if (dropout == 0) {
            return ModelFiles.load(folder);
        }
        GptConfig config = GptConfig.read(folder.resolve(ModelFiles.CONFIG)).withDropout(dropout);
        Gpt model = Gpt.create(config, 0, org.finetunelab.model.Devices.current());
        try {
            ModelFiles.loadWeights(model, folder.resolve(ModelFiles.WEIGHTS));
            return model;
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Each text's ids cut to {@code maxTokens} - 1 with the end marker last, as in {@link MethodComparison}. */
    private static List<int[]> ids(Tokenizer tokenizer, List<Example> examples, int maxTokens) {
        int end = tokenizer.endOfTextId();
        List<int[]> out = new ArrayList<>(examples.size());
        for (Example e : examples) {
            int[] words = tokenizer.encode(e.text());
            int[] ids = Arrays.copyOf(words, Math.min(words.length, maxTokens - 1) + 1);
            ids[ids.length - 1] = end;
            out.add(ids);
        }
        return out;
    }

    private static int[] labels(LabelledTexts data, List<Example> examples) {
        return examples.stream().mapToInt(e -> data.labelIndex(e.label())).toArray();
    }
}
