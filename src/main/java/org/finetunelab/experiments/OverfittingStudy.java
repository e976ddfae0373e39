package org.finetunelab.experiments;

import static org.finetunelab.results.ResultsFile.number;

import org.finetunelab.results.ResultsFile;
import org.finetunelab.stats.Spread;
import org.finetunelab.stats.Verdict;
import org.finetunelab.text.LabelledTexts;
import org.finetunelab.train.StepRecord;
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
import java.util.function.ToDoubleFunction;

/**
 * Overfitting: the review classifier of {@link MethodComparison} trained on fewer and more reviews, with full
 * fine-tuning and with LoRA, for the same number of steps. On a small training set the model sees each review many
 * times and can learn the reviews themselves instead of what makes a review positive: the loss on the training
 * reviews keeps falling while the loss on held-out reviews stops falling or rises. The difference at the end is the
 * <b>generalisation gap</b>.
 * <pre>{@code
 * var reviews = LabelledTexts.load(Path.of("data/datasets/sentiment/reviews.jsonl"));
 * var runs = OverfittingStudy.study(Path.of("data/models/base"), reviews, OverfittingStudy.Settings.defaults(),
 *         Seeds.of(3), ReviewClassifier.Progress.NONE);
 * Table t = OverfittingStudy.summary(runs, OverfittingStudy.Settings.defaults().patience());
 * }</pre>
 *
 * <p>Each run records the validation loss and the train-set loss (measured without dropout, like the validation
 * loss) at every evaluation, so the two curves are comparable. <b>Early stopping</b> with patience p stops at the
 * first evaluation that is the p-th in a row without a new best validation loss, and puts back the weights of the
 * best one ({@code TrainConfig.withEarlyStopping(p, true)}). Training is the same up to that point whether it stops
 * there or not, so the study reads where it would stop, and the validation loss it would keep, from the full curve
 * ({@link #earlyStop}); a test checks that the trainer stops at that step. One regulariser is measured as well:
 * dropout on the residual branches and attention weights, at one training-set size.
 */
public final class OverfittingStudy {
    /** A training-set size that means the whole training split. */
    public static final int ALL = Integer.MAX_VALUE;

    public static final String SETTING = "setting";
    public static final String METHOD = "method";
    public static final String EXAMPLES = "examples";
    public static final String DROPOUT = "dropout";
    public static final String SEEDS = "seeds";
    public static final String TRAIN_LOSS = "final train loss";
    public static final String VAL_LOSS = "final val loss";
    public static final String GAP = "gap";
    public static final String BEST_VAL = "best val loss";
    public static final String STOP_STEP = "early stop step";
    public static final String STOPPED_VAL = "early-stopped val loss";
    public static final String ACCURACY = "accuracy";

    private OverfittingStudy() {
    }

    /**
     * @param sizes           training-set sizes ({@link #ALL} for the whole split)
     * @param methods         {@link MethodComparison} method names, e.g. {@code "full,lora"}
     * @param training        steps, batch size, text length and evaluation interval of every run (the seed is the run's)
     * @param patience        early stopping's patience, in evaluations
     * @param dropout         the regulariser's dropout probability
     * @param regularisedSize the training-set size at which each method also runs with dropout
     */
    public record Settings(List<Integer> sizes, String methods, MethodComparison.Settings training, int patience,
                           float dropout, int regularisedSize) {
        public Settings {
            sizes = List.copyOf(sizes);
            if (sizes.isEmpty() || sizes.stream().anyMatch(n -> n < 1)) {
                throw new IllegalArgumentException("overfitting study: sizes " + sizes + " must be at least 1 example each");
            }
            if (patience < 1) {
                throw new IllegalArgumentException("overfitting study: patience = " + patience + " must be at least 1");
            }
            if (!(dropout > 0 && dropout < 1)) {
                throw new IllegalArgumentException("overfitting study: dropout = " + dropout + " must be between 0 and 1");
            }
            ReviewClassifier.methods(methods);   // names checked now, not after an hour of training
        }

        /**
         * 16, 64, 256 and all 576 reviews; full fine-tuning and LoRA; 60 steps of 8 reviews cut to 40 tokens (30
         * passes over 16 reviews, less than one over 576), evaluated every 12 steps; patience 2; dropout 0.1 at 16
         * reviews. Sized so that 3 seeds take under five minutes on 2 cores.
         */
        public static Settings defaults() {
            return new Settings(List.of(16, 64, 256, ALL), "full,lora", MethodComparison.Settings.defaults().withSteps(60)
                    .withBatchSize(8).withMaxTokens(40).withEvalEvery(12), 2, 0.1f, 16);
        }

        /** A few steps on two sizes: the mechanics, not the numbers. */
        public static Settings quick() {
            return new Settings(List.of(16, 64), "full,lora",
                    MethodComparison.Settings.defaults().withSteps(8).withEvalEvery(2), 2, 0.1f, 16);
        }

        public Settings withSteps(long n) {
            return new Settings(sizes, methods, training.withSteps(n), patience, dropout, regularisedSize);
        }

        public Settings withSizes(List<Integer> n) {
            return new Settings(n, methods, training, patience, dropout, regularisedSize);
        }

        public Settings withMethods(String names) {
            return new Settings(sizes, names, training, patience, dropout, regularisedSize);
        }
    }

    /** One run: which method on how many reviews, with or without dropout, and what it measured. */
    public record Run(String method, int examples, float dropout, long seed, ReviewClassifier.Run result) {
        public String setting() {
            return method + ", " + examples + " examples" + (dropout > 0 ? ", dropout " + dropout : "");
        }

        /** Validation loss minus train-set loss at the end: how much better the model does on what it trained on. */
        public double gap() {
            return last(result.valLosses()) - last(result.tracked());
        }
    }

    /** Where early stopping with {@code patience} stops a run, and the validation loss of the weights it keeps. */
    public record EarlyStop(long step, double valLoss, boolean stopped) {
    }

    /**
     * Early stopping read from a run's evaluations, exactly as the trainer decides: a new best needs a strictly lower
     * validation loss; after {@code patience} evaluations in a row without one, training stops at that evaluation
     * and the best weights come back. Not stopped: the last step, and the best weights all the same.
     */
    public static EarlyStop earlyStop(List<StepRecord> records, int patience) {
        double best = Double.NaN;
        int without = 0;
        long last = -1;
        for (StepRecord r : records) {
            last = r.step();
            if (!r.evaluated()) {
                continue;
            }
            if (Double.isNaN(best) || r.valLoss() < best) {
                best = r.valLoss();
                without = 0;
            } else if (++without >= patience) {
                return new EarlyStop(r.step(), best, true);
            }
        }
        return new EarlyStop(last, best, false);
    }

    /** Every method on every size, then each method with dropout at the regularised size, once per seed. */
    public static List<Run> study(Path base, LabelledTexts data, Settings settings, long[] seeds,
                                  ReviewClassifier.Progress progress) throws IOException {
        if (seeds.length == 0) {
            throw new IllegalArgumentException("overfitting study: no seeds given; run at least one");
        }
        List<MethodComparison.Method> methods = ReviewClassifier.methods(settings.methods());
        record Planned(MethodComparison.Method method, int size, float dropout) {
        }
        List<Planned> plan = new ArrayList<>();
        for (MethodComparison.Method m : methods) {
            settings.sizes().forEach(n -> plan.add(new Planned(m, n, 0f)));
        }
        methods.forEach(m -> plan.add(new Planned(m, settings.regularisedSize(), settings.dropout())));
        List<Run> runs = new ArrayList<>();
        int count = plan.size() * seeds.length;
        for (long seed : seeds) {
            for (Planned p : plan) {
                LabelledTexts subset = data.withTrain(ReviewClassifier.subset(data.train(), p.size(), seed));
                int n = subset.train().size();
                String name = new Run(p.method().name(), n, p.dropout(), seed, null).setting();
                ReviewClassifier.Live live = new ReviewClassifier.Live();
                var listeners = progress.onRun(name, seed, runs.size(), count, live);
                ReviewClassifier.Run r = ReviewClassifier.train(base, subset, p.method(), settings.training().withSeed(seed),
                        p.dropout(), ReviewClassifier.Tracked.TRAIN_LOSS, live, listeners);
                runs.add(new Run(p.method().name(), n, p.dropout(), seed, r));
            }
        }
        return runs;
    }

    /**
     * One row per setting, in the order they first ran: the losses at the end, the gap, early stopping and accuracy,
     * as mean and std over the seeds (the gap and the accuracy also with their min and max).
     */
    public static Table summary(List<Run> runs, int patience) {
        Table t = Table.create("overfitting: mean and spread over the seeds");
        StringColumn setting = StringColumn.create(SETTING);
        StringColumn method = StringColumn.create(METHOD);
        IntColumn examples = IntColumn.create(EXAMPLES);
        DoubleColumn dropout = DoubleColumn.create(DROPOUT);
        IntColumn seeds = IntColumn.create(SEEDS);
        t.addColumns(setting, method, examples, dropout, seeds);
        Map<String, ToDoubleFunction<Run>> figures = new LinkedHashMap<>();
        figures.put(TRAIN_LOSS, r -> last(r.result().tracked()));
        figures.put(VAL_LOSS, r -> last(r.result().valLosses()));
        figures.put(GAP, Run::gap);
        figures.put(BEST_VAL, r -> r.result().training().bestValLoss());
        figures.put(STOP_STEP, r -> earlyStop(r.result().training().history().records(), patience).step() + 1);
        figures.put(STOPPED_VAL, r -> earlyStop(r.result().training().history().records(), patience).valLoss());
        figures.put(ACCURACY, r -> r.result().accuracy());
        List<String> withRange = List.of(GAP, ACCURACY);
        figures.forEach((name, f) -> {
            t.addColumns(DoubleColumn.create(name), DoubleColumn.create(name + " std"));
            if (withRange.contains(name)) {
                t.addColumns(DoubleColumn.create(name + " min"), DoubleColumn.create(name + " max"));
            }
        });
        bySetting(runs).forEach((name, list) -> {
            Run first = list.get(0);
            setting.append(name);
            method.append(first.method());
            examples.append(first.examples());
            dropout.append(first.dropout());
            seeds.append(list.size());
            figures.forEach((column, f) -> {
                Spread s = Spread.of(list.stream().mapToDouble(f).toArray());
                t.doubleColumn(column).append(s.mean());
                t.doubleColumn(column + " std").append(s.std());
                if (withRange.contains(column)) {
                    t.doubleColumn(column + " min").append(s.min());
                    t.doubleColumn(column + " max").append(s.max());
                }
            });
        });
        return t;
    }

    /** Runs grouped by setting, in the order the settings first ran. */
    public static Map<String, List<Run>> bySetting(List<Run> runs) {
        Map<String, List<Run>> out = new LinkedHashMap<>();
        runs.forEach(r -> out.computeIfAbsent(r.setting(), k -> new ArrayList<>()).add(r));
        return out;
    }

    /**
     * What a {@link #summary} table shows, in sentences whose rankings are computed (see
     * {@link Verdict#compare(Spread, Spread)}): per method, the gap of the smallest training set against the
     * largest, and the gap with dropout against the gap without, at the same size.
     */
    public static String verdict(Table summary) {
        List<String> sentences = new ArrayList<>();
        List<String> methods = summary.stringColumn(METHOD).asList().stream().distinct().toList();
        for (String m : methods) {
            int smallest = -1;
            int largest = -1;
            for (int r = 0; r < summary.rowCount(); r++) {
                if (summary.stringColumn(METHOD).get(r).equals(m) && number(summary, DROPOUT, r) == 0) {
                    smallest = smallest < 0 || number(summary, EXAMPLES, r) < number(summary, EXAMPLES, smallest) ? r : smallest;
                    largest = largest < 0 || number(summary, EXAMPLES, r) > number(summary, EXAMPLES, largest) ? r : largest;
                }
            }
            if (smallest >= 0 && smallest != largest) {
                sentences.add(compareGaps(summary, m, smallest, largest));
            }
            for (int r = 0; r < summary.rowCount(); r++) {
                if (summary.stringColumn(METHOD).get(r).equals(m) && number(summary, DROPOUT, r) > 0) {
                    for (int plain = 0; plain < summary.rowCount(); plain++) {
                        if (summary.stringColumn(METHOD).get(plain).equals(m) && number(summary, DROPOUT, plain) == 0
                                && number(summary, EXAMPLES, plain) == number(summary, EXAMPLES, r)) {
                            sentences.add(compareGaps(summary, m, r, plain));
                        }
                    }
                }
            }
        }
        return String.join(" ", sentences);
    }

    private static String compareGaps(Table summary, String method, int a, int b) {
        Spread gapA = ResultsFile.spread(summary, GAP, a);
        Spread gapB = ResultsFile.spread(summary, GAP, b);
        String what = String.format(Locale.ROOT, "%s: the gap with %s is %s", method, describe(summary, a),
                gapA.describe("%.3f"));
        String than = String.format(Locale.ROOT, "with %s (%s)", describe(summary, b), gapB.describe("%.3f"));
        return switch (Verdict.compare(gapA, gapB)) {
            case ABOVE -> what + ", clearly larger than " + than + ".";
            case BELOW -> what + ", clearly smaller than " + than + ".";
            case INDISTINGUISHABLE -> what + ", not told apart from the gap " + than
                    + (gapA.runs() < 2 ? ": one seed has no spread to judge by." : ": the seeds' ranges overlap.");
        };
    }

    private static String describe(Table summary, int row) {
        double dropout = number(summary, DROPOUT, row);
        return (long) number(summary, EXAMPLES, row) + " examples"
                + (dropout > 0 ? String.format(Locale.ROOT, " and dropout %.2g", dropout) : "");
    }


    private static double last(List<Double> values) {
        return values.isEmpty() ? Double.NaN : values.get(values.size() - 1);
    }
}
