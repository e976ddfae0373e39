package org.finetunelab.experiments.bench;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.Optional;

/**
 * The headline figures of a benchmark run as a table (figure, median, min, max, unit), for the results file the
 * README quotes: the matmul peak, the base preset's training speed and MFU, its ratio to PyTorch from Python,
 * LoRA against full fine-tuning, and generation with and without the KV cache. Ratios are of medians and have no
 * min or max. A figure that was not measured (no PyTorch, another preset) has no row.
 */
public final class BenchFigures {
    public static final String FIGURE = "figure";
    public static final String MEDIAN = "median";
    public static final String MIN = "min";
    public static final String MAX = "max";
    public static final String UNIT = "unit";

    public static final String MATMUL_PEAK = "matmul peak";
    public static final String TRAINING_TOKENS = "training tokens/s (base, full)";
    public static final String MFU = "training MFU (base, full)";
    public static final String PYTORCH_RATIO = "tokens/s against PyTorch from Python (base, full)";
    public static final String LORA_STEP = "LoRA step time / full step time (base)";
    public static final String LORA_STATE = "LoRA optimizer state / full optimizer state (base)";
    public static final String CACHED = "generation tokens/s with the KV cache (base)";
    public static final String RECOMPUTED = "generation tokens/s recomputing (base)";
    public static final String KV_SPEEDUP = "KV cache speed-up (base)";

    private BenchFigures() {
    }

    public static Table of(BenchResults r) {
        Table t = Table.create("bench figures", StringColumn.create(FIGURE), DoubleColumn.create(MEDIAN),
                DoubleColumn.create(MIN), DoubleColumn.create(MAX), StringColumn.create(UNIT));
        String base = r.config().presets().get(0).name();
        add(t, MATMUL_PEAK, r.matmulGflops(), "GFLOP/s");
        Optional<TrainingThroughput.Result> full = r.training(base, TrainingThroughput.Method.FULL);
        Optional<TrainingThroughput.Result> lora = r.training(base, TrainingThroughput.Method.LORA);
        full.ifPresent(f -> {
            add(t, TRAINING_TOKENS, f.tokensPerSecond(), "tokens/s");
            double peak = r.matmulGflops().median();
            add(t, MFU, r.mfu(f), f.gflops().min() / peak, f.gflops().max() / peak, "share of the matmul peak");
            r.pytorchTokensPerSecond(f).ifPresent(py ->
                    add(t, PYTORCH_RATIO, f.tokensPerSecond().median() / py, Double.NaN, Double.NaN, "times"));
        });
        if (full.isPresent() && lora.isPresent()) {
            add(t, LORA_STEP, lora.get().msPerStep().median() / full.get().msPerStep().median(), Double.NaN, Double.NaN,
                    "times");
            add(t, LORA_STATE, (double) lora.get().optimizerStateBytes() / full.get().optimizerStateBytes(), Double.NaN,
                    Double.NaN, "share");
        }
        r.generation().stream().filter(g -> g.preset().name().equals(base)).findFirst().ifPresent(g -> {
            add(t, CACHED, g.cached(), "tokens/s");
            add(t, RECOMPUTED, g.recomputed(), "tokens/s");
            add(t, KV_SPEEDUP, g.speedup(), Double.NaN, Double.NaN, "times");
        });
        return t;
    }

    private static void add(Table t, String figure, Stats s, String unit) {
        add(t, figure, s.median(), s.min(), s.max(), unit);
    }

    private static void add(Table t, String figure, double median, double min, double max, String unit) {
        t.stringColumn(FIGURE).append(figure);
        t.doubleColumn(MEDIAN).append(median);
        t.doubleColumn(MIN).append(min);
        t.doubleColumn(MAX).append(max);
        t.stringColumn(UNIT).append(unit);
    }
}
