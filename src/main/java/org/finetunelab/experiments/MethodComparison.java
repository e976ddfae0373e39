package org.finetunelab.experiments;

import static org.finetunelab.results.ResultsFile.number;

import ai.djl.ndarray.NDArray;
import org.finetunelab.baseline.BagOfWords;
import org.finetunelab.baseline.LogisticRegression;
import org.finetunelab.io.AtomicFiles;
import org.finetunelab.model.Gpt;
import org.finetunelab.model.ModelFiles;
import org.finetunelab.model.Parameter;
import org.finetunelab.model.io.SafeTensors;
import org.finetunelab.peft.AdapterConfig;
import org.finetunelab.peft.ClassificationHead;
import org.finetunelab.peft.FineTuning;
import org.finetunelab.peft.FineTuningMethod;
import org.finetunelab.peft.Ia3Config;
import org.finetunelab.peft.LabelledExamples;
import org.finetunelab.peft.LoraConfig;
import org.finetunelab.peft.PrefixConfig;
import org.finetunelab.peft.PromptConfig;
import org.finetunelab.stats.Spread;
import org.finetunelab.stats.Verdict;
import org.finetunelab.text.LabelledTexts;
import org.finetunelab.text.Tokenizer;
import org.finetunelab.train.Batch;
import org.finetunelab.train.StepRecord;
import org.finetunelab.train.TrainConfig;
import org.finetunelab.train.Trainer;
import org.finetunelab.train.TrainingListener;
import org.finetunelab.train.TrainingResult;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every fine-tuning method on the same task, side by side: what each one costs (trainable weights, time per
 * step, optimizer memory, file size) and what it buys (validation loss, held-out accuracy).
 * <pre>{@code
 * var data = LabelledTexts.load(Path.of("data/datasets/sentiment/reviews.jsonl"));
 * var comparison = new MethodComparison(Path.of("data/models/base"), data, MethodComparison.Settings.defaults());
 * var runs = comparison.runSeeds(MethodComparison.defaultMethods(), Seeds.of(3), MethodComparison.Progress.NONE);
 * Table t = MethodComparison.summary(runs);   // mean and spread over the seeds, one row per method
 * }</pre>
 *
 * <p>Each method gets a fresh copy of the base model, a {@link ClassificationHead} (trained with every method:
 * the base model has no notion of "positive" until something maps its hidden state to the classes), and the
 * same batches in the same order. The first row, {@code probe}, trains the head alone on the frozen model: a
 * linear probe, which tells how much the base model already knows. Everything else is measured against it.
 * Before it, {@code bag-of-words} is no neural network at all: logistic regression on the words of each review
 * ({@link BagOfWords}), trained on the same split, so an accuracy has a reference that needs no GPU and no model.
 *
 * <p>One run is one draw. The seed sets the head's and the method's initial values, the order of the batches
 * and the dropout masks; {@link #runSeeds} repeats every method over several seeds and {@link #summary} reports
 * the mean and the spread of each figure. With 144 held-out reviews one review is 0.7 points of accuracy, so
 * differences of a few points between methods are often noise; {@link #verdict} says which are not.
 *
 * <p>Why these settings. A review is cut to its first {@link Settings#maxTokens()} - 1 tokens and ends with
 * {@code <|endoftext|>}, so the head always reads the same kind of position. The default of 150 steps of 16
 * reviews is about four passes over 576 training reviews: enough for every method to settle on the base
 * model, and the whole default comparison (9 methods) takes a few minutes on a 2-core laptop. Learning rates
 * follow the usual pattern: methods that change the whole network use a small rate (1e-4 to 3e-4), since large
 * updates to pretrained weights destroy what they know; methods that train a few new weights (biases, LoRA,
 * adapters, scalings) use 1e-3 to 1e-2; prompt and prefix vectors, whose effect is diluted through the whole
 * network, want the largest. The head learns at each method's rate.
 *
 * <p>Accuracy is measured with the weights at the end of training (not the best validation step), so the test
 * split is not used to choose anything.
 */
public final class MethodComparison {
    /** The name of the head-only row. */
    public static final String PROBE = "probe";
    /** The name of the non-neural row. */
    public static final String BAG_OF_WORDS = "bag-of-words";

    /** Column names of the comparison table. */
    public static final String METHOD = "method";
    public static final String SEED = "seed";
    public static final String SEEDS = "seeds";
    public static final String TRAINABLE = "trainable parameters";
    public static final String PERCENT = "% of model";
    public static final String MS_PER_STEP = "ms per step";
    public static final String OPTIMIZER_BYTES = "optimizer state bytes";
    public static final String SAVED_BYTES = "saved bytes";
    public static final String BEST_VAL_LOSS = "best val loss";
    public static final String ACCURACY = "test accuracy";
    public static final String BEST_VAL_LOSS_STD = BEST_VAL_LOSS + " std";
    public static final String ACCURACY_STD = ACCURACY + " std";
    public static final String ACCURACY_MIN = ACCURACY + " min";
    public static final String ACCURACY_MAX = ACCURACY + " max";
    public static final String BASE_CHANGED = "base changed";

    /** Applies a fine-tuning method to a model; {@code seed} sets the initial values of what it adds. */
    @FunctionalInterface
    public interface Recipe {
        FineTuningMethod apply(Gpt model, long seed);
    }

    /**
     * One method to compare.
     *
     * @param name         short name, used on the command line and in the table
     * @param description  what it trains, in words
     * @param apply        applies the method to a model that already has its head; returns the handle, or null
     *                     for the linear probe (the base stays frozen, only the head trains). Null for the
     *                     bag-of-words baseline, which uses no model
     * @param learningRate peak learning rate (cosine decay to a tenth of it; the baseline's SGD rate)
     */
    public record Method(String name, String description, Recipe apply, float learningRate) {
        public Method {
            if (name == null || name.isBlank() || name.contains(",")) {
                throw new IllegalArgumentException("method name '" + name + "' must be non-blank without commas");
            }
            if (!(learningRate > 0)) {
                throw new IllegalArgumentException("method '" + name + "': learningRate = " + learningRate
                        + " must be positive");
            }
        }

        /** The same method with another learning rate. */
        public Method withLearningRate(float lr) {
            return new Method(name, description, apply, lr);
        }

        /** True for the bag-of-words row, which trains no neural network. */
        public boolean isBaseline() {
            return apply == null;
        }
    }

    /**
     * How every method is trained.
     *
     * @param steps     optimizer steps per method
     * @param batchSize reviews per step
     * @param maxTokens longest text in tokens (end marker included); longer texts are cut
     * @param evalEvery validation loss every this many steps
     * @param seed      the seed of a single run ({@link #runAll}); the first of {@link #runSeeds}' seeds is given there
     */
    public record Settings(long steps, int batchSize, int maxTokens, long evalEvery, long seed) {
        public Settings {
            if (steps <= 0 || batchSize <= 0 || evalEvery <= 0) {
                throw new IllegalArgumentException("comparison settings: steps (" + steps + "), batchSize (" + batchSize
                        + ") and evalEvery (" + evalEvery + ") must be positive");
            }
            if (maxTokens < 2) {
                throw new IllegalArgumentException("comparison settings: maxTokens = " + maxTokens
                        + " must leave room for at least one word and the end marker (2 or more)");
            }
        }

        public static Settings defaults() {
            return new Settings(150, 16, 64, 25, 42);
        }

        /** Another step count; validation stays at least twice per run (every {@code min(evalEvery, n / 2)} steps). */
        public Settings withSteps(long n) {
            return new Settings(n, batchSize, maxTokens, Math.max(1, Math.min(evalEvery, n / 2)), seed);
        }

        public Settings withBatchSize(int n) {
            return new Settings(steps, n, maxTokens, evalEvery, seed);
        }

        public Settings withMaxTokens(int n) {
            return new Settings(steps, batchSize, n, evalEvery, seed);
        }

        public Settings withEvalEvery(long n) {
            return new Settings(steps, batchSize, maxTokens, n, seed);
        }

        public Settings withSeed(long s) {
            return new Settings(steps, batchSize, maxTokens, evalEvery, s);
        }
    }

    /**
     * What one method cost and achieved.
     *
     * @param method         the method's name
     * @param seed           the run's seed (initial values, batch order, dropout)
     * @param trainable      weights that training updated (method and head)
     * @param percent        trainable weights as a percentage of all the model's weights (method and head included;
     *                       NaN for the baseline, which is no part of the model)
     * @param msPerStep      median milliseconds per training step (validation not included; NaN for the baseline)
     * @param optimizerBytes AdamW's state: two moments per trainable weight (0 for the baseline's plain SGD)
     * @param savedBytes     size of the saved method and head (for full fine-tuning, the whole model; for the
     *                       baseline, its weights as 32-bit floats)
     * @param bestValLoss    lowest loss on the held-out split during training (the baseline's at the end)
     * @param accuracy       share of held-out texts classified right after training
     * @param baseChanged    whether any of the base model's own weights changed
     * @param seconds        wall-clock time of the training run, validation included
     */
    public record Result(String method, long seed, long trainable, double percent, double msPerStep, long optimizerBytes,
                         long savedBytes, double bestValLoss, double accuracy, boolean baseChanged, double seconds) {
    }

    /** Follows the comparison: a CLI draws a progress bar per method, a notebook a live chart. */
    public interface Progress {
        Progress NONE = new Progress() {
        };

        /** A method's run with {@code seed} begins (run {@code index} of {@code count}); return a listener for its training steps, or null. */
        default TrainingListener onMethodStart(Method method, long seed, int index, int count) {
            return null;
        }

        /** A method's run ended, with its numbers. */
        default void onMethodEnd(Result result, int index, int count) {
        }
    }

    private final Path modelFolder;
    private final LabelledTexts data;
    private final Settings settings;

    /** A comparison on the classification task {@code data} with the model saved in {@code modelFolder}. */
    public MethodComparison(Path modelFolder, LabelledTexts data, Settings settings) {
        this.modelFolder = modelFolder;
        this.data = data;
        this.settings = settings;
    }

    /**
     * The methods of the standard comparison: the bag-of-words baseline, then the neural methods from cheapest to
     * most expensive in trainable weights.
     */
    public static List<Method> defaultMethods() {
        return List.of(
                new Method(BAG_OF_WORDS, "logistic regression on the words of each text; no neural network", null, 0.5f),
                new Method(PROBE, "the classification head alone; the base model stays frozen", (m, seed) -> {
                    m.setTrainable(false);
                    return null;
                }, 1e-2f),
                new Method("prompt", "8 trainable virtual tokens in front of the text",
                        (m, seed) -> FineTuning.promptTuning(m, PromptConfig.fromVocabulary(8).withSeed(seed)), 3e-2f),
                new Method("ia3", "learned scalings of keys, values and the MLP",
                        (m, seed) -> FineTuning.ia3(m, Ia3Config.standard()), 1e-2f),
                new Method("prefix", "8 trainable key/value vectors in every attention layer",
                        (m, seed) -> FineTuning.prefixTuning(m, PrefixConfig.of(8).withSeed(seed)), 1e-2f),
                new Method("bitfit", "the bias terms only",
                        (m, seed) -> FineTuning.bitFit(m), 3e-3f),
                new Method("lora", "rank-8 updates of the attention's q, k, v projection",
                        (m, seed) -> FineTuning.lora(m, LoraConfig.attention(8).withSeed(seed)), 2e-3f),
                new Method("adapters", "bottleneck adapters of width 16 after attention and MLP",
                        (m, seed) -> FineTuning.adapters(m, AdapterConfig.of(16).withSeed(seed)), 2e-3f),
                new Method("freeze", "embeddings and the bottom half of the blocks frozen, the rest trains",
                        (m, seed) -> FineTuning.freeze(m, true, m.blocks().size() / 2), 3e-4f),
                new Method("full", "every weight of the model",
                        (m, seed) -> FineTuning.full(m), 2e-4f));
    }

    /** The default methods named in a comma-separated list, in the list's order, e.g. {@code "probe,lora,full"}. */
    public static List<Method> methods(String names) {
        Map<String, Method> known = new LinkedHashMap<>();
        defaultMethods().forEach(m -> known.put(m.name(), m));
        List<Method> out = new ArrayList<>();
        for (String raw : names.split(",")) {
            String name = raw.strip().toLowerCase(java.util.Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            Method m = known.get(name);
            if (m == null) {
                throw new IllegalArgumentException("unknown fine-tuning method '" + raw.strip() + "'; the valid names are "
                        + String.join(", ", known.keySet()));
            }
            if (out.contains(m)) {
                throw new IllegalArgumentException("method '" + name + "' is listed twice; name each method once");
            }
            out.add(m);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no method named in '" + names + "'; the valid names are "
                    + String.join(", ", known.keySet()));
        }
        return out;
    }

    /** Runs every method once, with the settings' seed, and returns their numbers as a table (see {@link #table}). */
    public Table run(List<Method> methods, Progress progress) throws IOException {
        return table(runAll(methods, progress));
    }

    /** Runs every method once, with the settings' seed, and returns their numbers. */
    public List<Result> runAll(List<Method> methods, Progress progress) throws IOException {
        return runSeeds(methods, new long[]{settings.seed()}, progress);
    }

    /**
     * Runs every method once per seed (all methods with the first seed, then all with the next, ...) and returns
     * every run's numbers; {@link #summary} turns them into mean and spread per method.
     */
    public List<Result> runSeeds(List<Method> methods, long[] seeds, Progress progress) throws IOException {
        if (seeds.length == 0) {
            throw new IllegalArgumentException("method comparison: no seeds given; run at least one");
        }
        Encoded encoded = encode();
        List<Result> results = new ArrayList<>();
        int count = methods.size() * seeds.length;
        for (long seed : seeds) {
            for (Method method : methods) {
                int index = results.size();
                TrainingListener listener = progress.onMethodStart(method, seed, index, count);
                Result result = method.isBaseline() ? runBaseline(method, seed) : runOne(method, seed, encoded, listener);
                results.add(result);
                progress.onMethodEnd(result, index, count);
            }
        }
        return results;
    }

    /** Held-out examples: the n of every accuracy's sampling error. */
    public int heldOutCount() {
        return data.test().size();
    }

    /** Logistic regression on the words of each text, on the same split; the seed sets the order of the examples. */
    private Result runBaseline(Method method, long seed) {
        long start = System.nanoTime();
        BagOfWords words = BagOfWords.fit(data.train().stream().map(LabelledTexts.Example::text).toList());
        List<int[]> train = data.train().stream().map(e -> words.features(e.text())).toList();
        List<int[]> test = data.test().stream().map(e -> words.features(e.text())).toList();
        LogisticRegression model = LogisticRegression.train(train, labels(data.train()), words.size(), data.labels().size(),
                new LogisticRegression.Settings(20, method.learningRate(), 1e-4, seed));
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(method.name(), seed, model.parameterCount(), Double.NaN, Double.NaN, 0,
                4 * model.parameterCount(), model.loss(test, labels(data.test())),
                model.accuracy(test, labels(data.test())), false, seconds);
    }

    /** The texts as token ids, cut to {@code maxTokens} with the end marker last, and as class ids. */
    private record Encoded(List<int[]> trainIds, int[] trainLabels, List<int[]> testIds, int[] testLabels,
                           int length, int padId) {
    }

    private Encoded encode() throws IOException {
        try (Tokenizer tokenizer = Tokenizer.load(modelFolder.resolve(ModelFiles.TOKENIZER))) {
            int end = tokenizer.endOfTextId();
            List<int[]> trainIds = ids(tokenizer, data.train(), end);
            List<int[]> testIds = ids(tokenizer, data.test(), end);
            int length = Stream.concat(trainIds.stream(), testIds.stream()).mapToInt(a -> a.length).max().orElse(1);
            return new Encoded(trainIds, labels(data.train()), testIds, labels(data.test()), length, end);
        }
    }

    private List<int[]> ids(Tokenizer tokenizer, List<LabelledTexts.Example> examples, int end) {
        List<int[]> out = new ArrayList<>(examples.size());
        for (LabelledTexts.Example e : examples) {
            int[] words = tokenizer.encode(e.text());
            int[] ids = Arrays.copyOf(words, Math.min(words.length, settings.maxTokens() - 1) + 1);
            ids[ids.length - 1] = end;
            out.add(ids);
        }
        return out;
    }

    private int[] labels(List<LabelledTexts.Example> examples) {
        return examples.stream().mapToInt(e -> data.labelIndex(e.label())).toArray();
    }

    private Result runOne(Method method, long seed, Encoded encoded, TrainingListener listener) throws IOException {
        try (Gpt model = ModelFiles.load(modelFolder)) {
            List<String> baseNames = List.copyOf(model.namedParameters().keySet());
            ClassificationHead head = ClassificationHead.attach(model, data.labels().size(), seed);
            FineTuningMethod handle = method.apply().apply(model, seed);
            head.setTrainable(true);
            Map<String, float[]> before = values(model, baseNames);
            long trainable = model.trainableParameterCount();
            double percent = 100.0 * trainable / model.parameterCount();

            LabelledExamples train = new LabelledExamples(encoded.trainIds(), encoded.trainLabels(),
                    settings.batchSize(), encoded.length(), encoded.padId(), seed);
            List<Batch> test = new LabelledExamples(encoded.testIds(), encoded.testLabels(), settings.batchSize(),
                    encoded.length(), encoded.padId(), seed).inOrder();
            float lr = method.learningRate();
            TrainConfig config = TrainConfig.defaults(settings.steps()).withLearningRate(lr, lr / 10)
                    .withWarmup(settings.steps() / 10).withEvaluation(settings.evalEvery(), test.size())
                    .withSeed(seed);
            TrainingResult result;
            long optimizerBytes;
            try (Trainer trainer = Trainer.builder(model).config(config).train(train).validation(test)
                    .objective(head.objective()).build()) {
                if (listener != null) {
                    trainer.addListener(listener);
                }
                result = trainer.fit();
                optimizerBytes = trainer.optimizer().stateBytes();
            }
            double accuracy = head.accuracy(model, test);
            boolean baseChanged = !sameValues(before, values(model, baseNames));
            long saved = savedBytes(handle, head);
            double msPerStep = medianMsPerStep(result, (double) settings.batchSize() * encoded.length());
            return new Result(method.name(), seed, trainable, percent, msPerStep, optimizerBytes, saved,
                    result.bestValLoss(), accuracy, baseChanged, result.seconds());
        }
    }

    private static Map<String, float[]> values(Gpt model, List<String> names) {
        Map<String, Parameter> all = model.namedParameters();
        Map<String, float[]> out = new LinkedHashMap<>();
        names.forEach(n -> out.put(n, all.get(n).array().toFloatArray()));
        return out;
    }

    private static boolean sameValues(Map<String, float[]> a, Map<String, float[]> b) {
        return a.keySet().stream().allMatch(n -> Arrays.equals(a.get(n), b.get(n)));
    }

    /** Median time of a training step, from each step's throughput (validation is not part of it). */
    static double medianMsPerStep(TrainingResult result, double tokensPerStep) {
        double[] rates = result.history().records().stream().mapToDouble(StepRecord::tokensPerSecond).sorted().toArray();
        if (rates.length == 0) {
            return Double.NaN;
        }
        int mid = rates.length / 2;
        double median = rates.length % 2 == 1 ? rates[mid] : (rates[mid - 1] + rates[mid]) / 2;
        return 1000.0 * tokensPerStep / median;
    }

    /** Saves the method and the head into a temporary folder and adds up the files' sizes. */
    private static long savedBytes(FineTuningMethod handle, ClassificationHead head) throws IOException {
        Path folder = Files.createTempDirectory("finetune-compare-");
        try {
            if (handle != null) {
                handle.save(folder.resolve("method"));
            }
            Map<String, NDArray> headWeights = new LinkedHashMap<>();
            head.namedParameters().forEach((n, p) -> headWeights.put(n, p.array()));
            SafeTensors.write(folder.resolve("head.safetensors"), headWeights, Map.of("format", "finetune-lab classifier"));
            return sizeOf(folder);
        } finally {
            AtomicFiles.deleteRecursively(folder);
        }
    }

    private static long sizeOf(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    /** The results as a table, one row per run, in the order they ran. */
    public static Table table(List<Result> results) {
        Table t = Table.create("fine-tuning methods compared");
        t.addColumns(
                StringColumn.create(METHOD, results.stream().map(Result::method)),
                LongColumn.create(SEED, results.stream().mapToLong(Result::seed)),
                LongColumn.create(TRAINABLE, results.stream().mapToLong(Result::trainable)),
                DoubleColumn.create(PERCENT, results.stream().mapToDouble(Result::percent)),
                DoubleColumn.create(MS_PER_STEP, results.stream().mapToDouble(Result::msPerStep)),
                LongColumn.create(OPTIMIZER_BYTES, results.stream().mapToLong(Result::optimizerBytes)),
                LongColumn.create(SAVED_BYTES, results.stream().mapToLong(Result::savedBytes)),
                DoubleColumn.create(BEST_VAL_LOSS, results.stream().mapToDouble(Result::bestValLoss)),
                DoubleColumn.create(ACCURACY, results.stream().mapToDouble(Result::accuracy)),
                BooleanColumn.create(BASE_CHANGED, results.stream().map(Result::baseChanged).toList()));
        t.longColumn(TRAINABLE).setPrintFormatter(NumberColumnFormatter.intsWithGrouping());
        t.longColumn(OPTIMIZER_BYTES).setPrintFormatter(NumberColumnFormatter.intsWithGrouping());
        t.longColumn(SAVED_BYTES).setPrintFormatter(NumberColumnFormatter.intsWithGrouping());
        t.doubleColumn(PERCENT).setPrintFormatter(new NumberColumnFormatter(new java.text.DecimalFormat("0.###")));
        t.doubleColumn(MS_PER_STEP).setPrintFormatter(new NumberColumnFormatter(new java.text.DecimalFormat("0.0")));
        t.doubleColumn(BEST_VAL_LOSS).setPrintFormatter(new NumberColumnFormatter(new java.text.DecimalFormat("0.000")));
        t.doubleColumn(ACCURACY).setPrintFormatter(new NumberColumnFormatter(new java.text.DecimalFormat("0.000")));
        return t;
    }

    /**
     * Mean and spread over the seeds, one row per method in the order the methods first ran: accuracy as mean,
     * standard deviation, min and max; best validation loss as mean and standard deviation; time per step as the
     * median over the runs; the counts and sizes (the same in every run) as they are.
     */
    public static Table summary(List<Result> results) {
        Map<String, List<Result>> byMethod = results.stream()
                .collect(Collectors.groupingBy(Result::method, LinkedHashMap::new, Collectors.toList()));
        Table t = Table.create("fine-tuning methods compared: mean and spread over the seeds");
        StringColumn method = StringColumn.create(METHOD);
        LongColumn seeds = LongColumn.create(SEEDS);
        LongColumn trainable = LongColumn.create(TRAINABLE);
        DoubleColumn percent = DoubleColumn.create(PERCENT);
        DoubleColumn ms = DoubleColumn.create(MS_PER_STEP);
        LongColumn optimizer = LongColumn.create(OPTIMIZER_BYTES);
        LongColumn saved = LongColumn.create(SAVED_BYTES);
        DoubleColumn loss = DoubleColumn.create(BEST_VAL_LOSS);
        DoubleColumn lossStd = DoubleColumn.create(BEST_VAL_LOSS_STD);
        DoubleColumn accuracy = DoubleColumn.create(ACCURACY);
        DoubleColumn accuracyStd = DoubleColumn.create(ACCURACY_STD);
        DoubleColumn accuracyMin = DoubleColumn.create(ACCURACY_MIN);
        DoubleColumn accuracyMax = DoubleColumn.create(ACCURACY_MAX);
        BooleanColumn changed = BooleanColumn.create(BASE_CHANGED);
        byMethod.forEach((name, runs) -> {
            Result first = runs.get(0);
            Spread acc = Spread.of(runs.stream().mapToDouble(Result::accuracy).toArray());
            Spread val = Spread.of(runs.stream().mapToDouble(Result::bestValLoss).toArray());
            method.append(name);
            seeds.append(runs.size());
            trainable.append(first.trainable());
            percent.append(first.percent());
            ms.append(median(runs.stream().mapToDouble(Result::msPerStep).toArray()));
            optimizer.append(first.optimizerBytes());
            saved.append(first.savedBytes());
            loss.append(val.mean());
            lossStd.append(val.std());
            accuracy.append(acc.mean());
            accuracyStd.append(acc.std());
            accuracyMin.append(acc.min());
            accuracyMax.append(acc.max());
            changed.append(runs.stream().anyMatch(Result::baseChanged));
        });
        t.addColumns(method, seeds, trainable, percent, ms, optimizer, saved, loss, lossStd, accuracy, accuracyStd,
                accuracyMin, accuracyMax, changed);
        t.longColumn(TRAINABLE).setPrintFormatter(NumberColumnFormatter.intsWithGrouping());
        t.longColumn(OPTIMIZER_BYTES).setPrintFormatter(NumberColumnFormatter.intsWithGrouping());
        t.longColumn(SAVED_BYTES).setPrintFormatter(NumberColumnFormatter.intsWithGrouping());
        t.doubleColumn(PERCENT).setPrintFormatter(new NumberColumnFormatter(new java.text.DecimalFormat("0.###")));
        t.doubleColumn(MS_PER_STEP).setPrintFormatter(new NumberColumnFormatter(new java.text.DecimalFormat("0.0")));
        for (String c : List.of(BEST_VAL_LOSS, BEST_VAL_LOSS_STD, ACCURACY, ACCURACY_STD, ACCURACY_MIN, ACCURACY_MAX)) {
            t.doubleColumn(c).setPrintFormatter(new NumberColumnFormatter(new java.text.DecimalFormat("0.000")));
        }
        return t;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
    }

    /** Each method's held-out accuracy over the seeds, read back from a {@link #summary} table (or its CSV). */
    public static Map<String, Spread> accuracies(Table summary) {
        Map<String, Spread> out = new LinkedHashMap<>();
        for (int r = 0; r < summary.rowCount(); r++) {
            out.put(summary.stringColumn(METHOD).get(r), new Spread((int) number(summary, SEEDS, r),
                    number(summary, ACCURACY, r), number(summary, ACCURACY_STD, r),
                    number(summary, ACCURACY_MIN, r), number(summary, ACCURACY_MAX, r)));
        }
        return out;
    }


    /**
     * Which methods differ beyond the noise (see {@link Verdict}): every method against the bag-of-words baseline
     * and against the linear probe, when those rows are in the table. With one seed it says that nothing can be
     * ranked. {@code heldOut} is the number of held-out examples the accuracies were measured on.
     */
    public static String verdict(Table summary, int heldOut) {
        Map<String, Spread> accuracies = accuracies(summary);
        java.util.Set<String> sentences = new java.util.LinkedHashSet<>();   // one seed: the same sentence twice
        for (String reference : List.of(BAG_OF_WORDS, PROBE)) {
            if (accuracies.containsKey(reference)) {
                sentences.add(Verdict.sentence(reference, accuracies, heldOut));
            }
        }
        return String.join(" ", sentences);
    }
}
