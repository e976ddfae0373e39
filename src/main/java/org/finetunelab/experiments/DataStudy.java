package org.finetunelab.experiments;

import static org.finetunelab.results.ResultsFile.number;

import org.finetunelab.stats.Spread;
import org.finetunelab.stats.Verdict;
import org.finetunelab.text.LabelledTexts;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How much data, and how clean: the review classifier of {@link MethodComparison} trained with prompt tuning, LoRA
 * and full fine-tuning on a handful of reviews up to all of them, then on all of them with 10% and 30% of the
 * labels wrong. Quality is the held-out accuracy with the weights at the end of training.
 * <pre>{@code
 * var reviews = LabelledTexts.load(Path.of("data/datasets/sentiment/reviews.jsonl"));
 * var runs = DataStudy.study(Path.of("data/models/base"), reviews, DataStudy.Settings.defaults(), Seeds.of(3),
 *         ReviewClassifier.Progress.NONE);
 * Table t = DataStudy.summary(runs);
 * }</pre>
 *
 * <p>Every run makes the same number of steps, so a small training set is seen many times over and a large one
 * about once or twice: the comparison is at equal compute. The seed draws the subset (the labels taking turns, see
 * {@link ReviewClassifier#subset}), which reviews get a wrong label, the batches and the new weights: at 8 examples
 * which 8 they are matters as much as the method.
 */
public final class DataStudy {
    public static final String SETTING = "setting";
    public static final String METHOD = "method";
    public static final String EXAMPLES = "examples";
    public static final String CORRUPTED = "corrupted labels";
    public static final String SEEDS = "seeds";
    public static final String TRAINABLE = "trainable";
    public static final String ACCURACY = "accuracy";
    public static final String ACCURACY_STD = "accuracy std";
    public static final String ACCURACY_MIN = "accuracy min";
    public static final String ACCURACY_MAX = "accuracy max";

    private DataStudy() {
    }

    /**
     * @param sizes         training-set sizes ({@link OverfittingStudy#ALL} for the whole split)
     * @param methods       {@link MethodComparison} method names, e.g. {@code "prompt,lora,full"}
     * @param training      steps, batch size, text length and evaluation interval of every run
     * @param corrupted     shares of wrong labels, each run on the whole training split
     * @param noisyMethods  the methods that also run with corrupted labels
     */
    public record Settings(List<Integer> sizes, String methods, MethodComparison.Settings training,
                           List<Double> corrupted, String noisyMethods) {
        public Settings {
            sizes = List.copyOf(sizes);
            corrupted = List.copyOf(corrupted);
            if (sizes.isEmpty() || sizes.stream().anyMatch(n -> n < 1)) {
                throw new IllegalArgumentException("data study: sizes " + sizes + " must be at least 1 example each");
            }
            if (corrupted.stream().anyMatch(s -> !(s > 0 && s < 1))) {
                throw new IllegalArgumentException("data study: corrupted shares " + corrupted + " must be between 0 and 1");
            }
            ReviewClassifier.methods(methods);
            if (!corrupted.isEmpty()) {
                ReviewClassifier.methods(noisyMethods);
            }
        }

        /**
         * 8, 64 and all 576 reviews with prompt tuning, LoRA and full; 10% and 30% wrong labels with LoRA; 100 steps
         * of 16 reviews cut to 40 tokens, evaluated twice. The same budget as the method comparison's in examples
         * seen (about three passes over all reviews), on shorter texts: at 48 steps of 8 none of the methods had
         * learned more than the smallest set gives, so the curve showed the budget, not the data. Sized so that 3
         * seeds take under five minutes on 2 cores.
         */
        public static Settings defaults() {
            return new Settings(List.of(8, 64, OverfittingStudy.ALL), "prompt,lora,full",
                    MethodComparison.Settings.defaults().withSteps(100).withBatchSize(16).withMaxTokens(40).withEvalEvery(50),
                    List.of(0.1, 0.3), "lora");
        }

        /** A few steps on two sizes: the mechanics, not the numbers. */
        public static Settings quick() {
            return new Settings(List.of(8, 32), "prompt,lora,full",
                    MethodComparison.Settings.defaults().withSteps(6).withEvalEvery(3), List.of(0.3), "lora");
        }

        public Settings withSteps(long n) {
            return new Settings(sizes, methods, training.withSteps(n), corrupted, noisyMethods);
        }

        public Settings withSizes(List<Integer> n) {
            return new Settings(n, methods, training, corrupted, noisyMethods);
        }

        public Settings withMethods(String names) {
            return new Settings(sizes, names, training, corrupted, noisyMethods);
        }

        /** Each share of wrong labels in {@code shares}, with the methods named in {@code names}. */
        public Settings withCorrupted(List<Double> shares, String names) {
            return new Settings(sizes, methods, training, shares, names);
        }
    }

    /** One run: a method, how many reviews, which share of their labels was wrong, and what it measured. */
    public record Run(String method, int examples, double corrupted, long seed, ReviewClassifier.Run result) {
        public String setting() {
            return method + ", " + examples + " examples"
                    + (corrupted > 0 ? String.format(Locale.ROOT, ", %.0f%% wrong labels", 100 * corrupted) : "");
        }
    }

    /** Every method on every size, then the noisy methods on all reviews with each share of wrong labels, once per seed. */
    public static List<Run> study(Path base, LabelledTexts data, Settings settings, long[] seeds,
                                  ReviewClassifier.Progress progress) throws IOException {
        if (seeds.length == 0) {
            throw new IllegalArgumentException("data study: no seeds given; run at least one");
        }
        record Planned(MethodComparison.Method method, int size, double corrupted) {
        }
        List<Planned> plan = new ArrayList<>();
        for (MethodComparison.Method m : ReviewClassifier.methods(settings.methods())) {
            settings.sizes().forEach(n -> plan.add(new Planned(m, n, 0)));
        }
        for (double share : settings.corrupted()) {
            ReviewClassifier.methods(settings.noisyMethods()).forEach(m -> plan.add(new Planned(m, OverfittingStudy.ALL, share)));
        }
        List<Run> runs = new ArrayList<>();
        int count = plan.size() * seeds.length;
        for (long seed : seeds) {
            for (Planned p : plan) {
                var train = ReviewClassifier.subset(data.train(), p.size(), seed);
                train = ReviewClassifier.corrupt(train, data.labels(), p.corrupted(), seed);
                String name = new Run(p.method().name(), train.size(), p.corrupted(), seed, null).setting();
                ReviewClassifier.Live live = new ReviewClassifier.Live();
                var listeners = progress.onRun(name, seed, runs.size(), count, live);
                ReviewClassifier.Run r = ReviewClassifier.train(base, data.withTrain(train), p.method(),
                        settings.training().withSeed(seed), 0f, ReviewClassifier.Tracked.ACCURACY, live, listeners);
                runs.add(new Run(p.method().name(), train.size(), p.corrupted(), seed, r));
            }
        }
        return runs;
    }

    /** One row per setting, in the order they first ran: held-out accuracy as mean, std, min and max over the seeds. */
    public static Table summary(List<Run> runs) {
        StringColumn setting = StringColumn.create(SETTING);
        StringColumn method = StringColumn.create(METHOD);
        IntColumn examples = IntColumn.create(EXAMPLES);
        DoubleColumn corrupted = DoubleColumn.create(CORRUPTED);
        IntColumn seeds = IntColumn.create(SEEDS);
        LongColumn trainable = LongColumn.create(TRAINABLE);
        DoubleColumn mean = DoubleColumn.create(ACCURACY);
        DoubleColumn std = DoubleColumn.create(ACCURACY_STD);
        DoubleColumn min = DoubleColumn.create(ACCURACY_MIN);
        DoubleColumn max = DoubleColumn.create(ACCURACY_MAX);
        bySetting(runs).forEach((name, list) -> {
            Run first = list.get(0);
            Spread acc = accuracy(list);
            setting.append(name);
            method.append(first.method());
            examples.append(first.examples());
            corrupted.append(first.corrupted());
            seeds.append(list.size());
            trainable.append(first.result().trainable());
            mean.append(acc.mean());
            std.append(acc.std());
            min.append(acc.min());
            max.append(acc.max());
        });
        return Table.create("data: held-out accuracy, mean and spread over the seeds", setting, method, examples,
                corrupted, seeds, trainable, mean, std, min, max);
    }

    /** Runs grouped by setting, in the order the settings first ran. */
    public static Map<String, List<Run>> bySetting(List<Run> runs) {
        Map<String, List<Run>> out = new LinkedHashMap<>();
        runs.forEach(r -> out.computeIfAbsent(r.setting(), k -> new ArrayList<>()).add(r));
        return out;
    }

    /** Each setting's accuracy over the seeds, read back from a {@link #summary} table (or its CSV). */
    public static Map<String, Spread> accuracies(Table summary) {
        Map<String, Spread> out = new LinkedHashMap<>();
        for (int r = 0; r < summary.rowCount(); r++) {
            out.put(summary.stringColumn(SETTING).get(r), new Spread((int) number(summary, SEEDS, r),
                    number(summary, ACCURACY, r), number(summary, ACCURACY_STD, r),
                    number(summary, ACCURACY_MIN, r), number(summary, ACCURACY_MAX, r)));
        }
        return out;
    }

    /**
     * What the table shows, ranked only beyond the noise ({@link Verdict#compare(Spread, Spread, int)}): per method,
     * the smallest training set against the largest; at the smallest and the largest size, the methods against each
     * other; per noisy method, each share of wrong labels against clean labels.
     */
    public static String verdict(Table summary, int heldOut) {
        Map<String, Spread> acc = accuracies(summary);
        List<String> sentences = new ArrayList<>();
        List<String> methods = summary.stringColumn(METHOD).asList().stream().distinct().toList();
        List<Integer> sizes = new ArrayList<>();
        for (int r = 0; r < summary.rowCount(); r++) {
            if (number(summary, CORRUPTED, r) == 0) {
                sizes.add((int) number(summary, EXAMPLES, r));
            }
        }
        sizes.sort(Integer::compare);
        int smallest = sizes.get(0);
        int largest = sizes.get(sizes.size() - 1);
        for (String m : methods) {
            if (smallest != largest) {
                sentences.add(sentence(acc, heldOut, name(m, largest, 0), name(m, smallest, 0)));
            }
        }
        for (int size : smallest == largest ? List.of(smallest) : List.of(smallest, largest)) {
            for (int i = 0; i < methods.size(); i++) {
                for (int j = i + 1; j < methods.size(); j++) {
                    sentences.add(sentence(acc, heldOut, name(methods.get(j), size, 0), name(methods.get(i), size, 0)));
                }
            }
        }
        for (int r = 0; r < summary.rowCount(); r++) {
            if (number(summary, CORRUPTED, r) > 0) {
                String noisy = summary.stringColumn(SETTING).get(r);
                String m = summary.stringColumn(METHOD).get(r);
                sentences.add(sentence(acc, heldOut, noisy, name(m, (int) number(summary, EXAMPLES, r), 0)));
            }
        }
        sentences.removeIf(String::isEmpty);
        if (acc.values().stream().anyMatch(s -> s.runs() < 2)) {
            sentences.add(0, "With a single seed there is no spread to judge by, so nothing below is a ranking.");
        }
        return String.join(" ", sentences);
    }

    private static String sentence(Map<String, Spread> acc, int heldOut, String a, String b) {
        Spread sa = acc.get(a);
        Spread sb = acc.get(b);
        if (sa == null || sb == null) {
            return "";
        }
        String words = Verdict.compare(sa, sb, heldOut).words();
        return String.format(Locale.ROOT, "%s (%s) is %s %s (%s).", a, sa.describe("%.3f"), words, b, sb.describe("%.3f"));
    }

    private static String name(String method, int examples, double corrupted) {
        return new Run(method, examples, corrupted, 0, null).setting();
    }

    private static Spread accuracy(List<Run> runs) {
        return Spread.of(runs.stream().mapToDouble(r -> r.result().accuracy()).toArray());
    }

}
