package org.finetunelab.experiments;

import org.finetunelab.experiments.bench.ChildJvm;
import org.finetunelab.experiments.bench.MemoryProbe;
import org.finetunelab.stats.Spread;
import org.finetunelab.text.LabelledTexts;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What each fine-tuning method costs, side by side: trainable weights, time per step, peak memory, optimizer
 * state and the size of what is saved — and the quality it reaches on the same task.
 * <pre>{@code
 * var quality = MethodComparison.accuracies(ResultsFile.read(Path.of("docs/results/method-comparison.csv")));
 * Table cost = CostStudy.study(Path.of("data/models/base"), Path.of("data/datasets/sentiment/reviews.jsonl"),
 *         MethodComparison.defaultMethods(), 30, quality, CostStudy.Progress.NONE);
 * }</pre>
 *
 * <p>Every method trains the method comparison's sentiment task ({@link MethodComparison}, same batch and
 * text length) for a few steps in a Java process of its own, because memory can only be measured that way: a
 * process keeps what it freed for reuse, so after one method its resident size says nothing about the next.
 * The peak is the whole process's (the JVM, the engine, the model and training); the column "over the probe"
 * subtracts the linear probe's peak, which trains only the classification head, so it shows what the method
 * itself adds. Quality is not re-measured here — three seeds of 150 steps per method take minutes — but read
 * from the method comparison's results file, which trains the same task with the same settings.
 */
public final class CostStudy {
    private static final String TAG = "cost-case";

    /** Column names. */
    public static final String METHOD = "method";
    public static final String TRAINABLE = "trainable parameters";
    public static final String PERCENT = "% of model";
    public static final String MS_PER_STEP = "ms per step";
    public static final String PEAK_MIB = "peak memory MiB";
    public static final String OVER_PROBE_MIB = "over the probe MiB";
    public static final String OPTIMIZER_MIB = "optimizer state MiB";
    public static final String SAVED_MIB = "saved MiB";
    public static final String ACCURACY = "test accuracy";
    public static final String ACCURACY_STD = "test accuracy std";

    /**
     * One method's costs, measured in its own process.
     *
     * @param msPerStep         median time of a training step
     * @param peakResidentBytes the process's resident high-water mark (JVM, engine, model and training)
     */
    public record Cost(String method, long trainable, double percent, double msPerStep, long peakResidentBytes,
                       long optimizerBytes, long savedBytes) {
    }

    /** Follows the study: one call before each method's process starts. */
    public interface Progress {
        Progress NONE = (method, index, count) -> {
        };

        void onMethodStart(String method, int index, int count);
    }

    private CostStudy() {
    }

    /**
     * Measures every method (the bag-of-words baseline, which uses no model, is left out) for {@code steps}
     * training steps, each in a process of its own, and adds the quality each reached from {@code quality}
     * (accuracy over seeds by method name, e.g. from {@link MethodComparison#accuracies}; empty for none).
     */
    public static Table study(Path modelFolder, Path data, List<MethodComparison.Method> methods, long steps,
                              Map<String, Spread> quality, Progress progress) throws IOException {
        List<MethodComparison.Method> neural = methods.stream().filter(m -> !m.isBaseline()).toList();
        List<Cost> costs = new ArrayList<>();
        for (MethodComparison.Method method : neural) {
            progress.onMethodStart(method.name(), costs.size(), neural.size());
            costs.add(measure(modelFolder, data, method.name(), steps));
        }
        return table(costs, quality);
    }

    /** One method's costs, measured by training it for {@code steps} steps in a child JVM. */
    public static Cost measure(Path modelFolder, Path data, String method, long steps) throws IOException {
        String[] f;
        try {
            f = ChildJvm.run(CostStudy.class, List.of(modelFolder.toString(), data.toString(), method,
                    Long.toString(steps)), TAG, 30);
        } catch (IOException e) {
            throw new IOException("cost of '" + method + "': " + e.getMessage(), e);
        }
        return new Cost(method, Long.parseLong(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]));
    }

    /** The costs as one table, with each method's accuracy (mean and std over seeds) where {@code quality} has it. */
    public static Table table(List<Cost> costs, Map<String, Spread> quality) {
        long probe = costs.stream().filter(c -> c.method().equals(MethodComparison.PROBE))
                .mapToLong(Cost::peakResidentBytes).findFirst().orElse(-1);
        Table t = Table.create("what each method costs");
        t.addColumns(
                StringColumn.create(METHOD, costs.stream().map(Cost::method)),
                LongColumn.create(TRAINABLE, costs.stream().mapToLong(Cost::trainable)),
                DoubleColumn.create(PERCENT, costs.stream().mapToDouble(Cost::percent)),
                DoubleColumn.create(MS_PER_STEP, costs.stream().mapToDouble(Cost::msPerStep)),
                DoubleColumn.create(PEAK_MIB, costs.stream().mapToDouble(c -> mib(c.peakResidentBytes()))),
                DoubleColumn.create(OVER_PROBE_MIB, costs.stream().mapToDouble(c -> probe < 0 ? Double.NaN
                        : mib(c.peakResidentBytes() - probe))),
                DoubleColumn.create(OPTIMIZER_MIB, costs.stream().mapToDouble(c -> mib(c.optimizerBytes()))),
                DoubleColumn.create(SAVED_MIB, costs.stream().mapToDouble(c -> mib(c.savedBytes()))));
        if (!quality.isEmpty()) {
            t.addColumns(
                    DoubleColumn.create(ACCURACY, costs.stream().mapToDouble(c -> quality.containsKey(c.method())
                            ? quality.get(c.method()).mean() : Double.NaN)),
                    DoubleColumn.create(ACCURACY_STD, costs.stream().mapToDouble(c -> quality.containsKey(c.method())
                            ? quality.get(c.method()).std() : Double.NaN)));
        }
        t.longColumn(TRAINABLE).setPrintFormatter(NumberColumnFormatter.intsWithGrouping());
        t.doubleColumn(PERCENT).setPrintFormatter(new NumberColumnFormatter(new DecimalFormat("0.###")));
        for (String c : List.of(MS_PER_STEP, PEAK_MIB, OVER_PROBE_MIB)) {
            t.doubleColumn(c).setPrintFormatter(new NumberColumnFormatter(new DecimalFormat("0")));
        }
        for (String c : List.of(OPTIMIZER_MIB, SAVED_MIB)) {
            t.doubleColumn(c).setPrintFormatter(new NumberColumnFormatter(new DecimalFormat("0.00")));
        }
        if (!quality.isEmpty()) {
            for (String c : List.of(ACCURACY, ACCURACY_STD)) {
                t.doubleColumn(c).setPrintFormatter(new NumberColumnFormatter(new DecimalFormat("0.000")));
            }
        }
        return t;
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    /** The child: {@code MODEL_FOLDER DATA METHOD STEPS}; trains one method once and prints its costs on one line. */
    public static void main(String[] args) throws IOException {
        Path model = Path.of(args[0]);
        LabelledTexts data = LabelledTexts.load(Path.of(args[1]));
        long steps = Long.parseLong(args[3]);
        MethodComparison comparison = new MethodComparison(model, data, MethodComparison.Settings.defaults().withSteps(steps));
        MethodComparison.Result r = comparison.runAll(MethodComparison.methods(args[2]), MethodComparison.Progress.NONE).get(0);
        MemoryProbe.Peak peak = MemoryProbe.peak();
        System.out.println(TAG + " " + r.trainable() + " " + r.percent() + " " + r.msPerStep() + " "
                + peak.residentPeakBytes() + " " + r.optimizerBytes() + " " + r.savedBytes());
        System.exit(0);   // the engine's threads would otherwise keep the process alive a little longer
    }
}
