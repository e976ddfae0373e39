package org.finetunelab.experiments.bench;

import java.util.Arrays;

/**
 * The spread of one measurement over repeated runs. The median is the figure to quote: on a shared
 * machine a single run can be slowed down by anything else that runs at the same time.
 */
public record Stats(double min, double median, double max, int runs) {

    public static Stats of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("Stats.of needs at least one measured value, got none.");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Stats(sorted[0], median, sorted[n - 1], n);
    }

    /** The same spread with every value transformed by a decreasing function (e.g. ms/step → tokens/s). */
    public Stats inverted(java.util.function.DoubleUnaryOperator f) {
        return new Stats(f.applyAsDouble(max), f.applyAsDouble(median), f.applyAsDouble(min), runs);
    }

    /** The same spread scaled by a positive factor. */
    public Stats times(double factor) {
        return new Stats(min * factor, median * factor, max * factor, runs);
    }
}
