package org.finetunelab.stats;

import java.util.Arrays;
import java.util.Locale;

/**
 * How one figure varied over repeated runs (usually one run per seed): the mean, the sample standard
 * deviation and the smallest and largest value. With one run the spread is zero, which says nothing about the
 * noise: it was not measured.
 *
 * @param runs how many values
 * @param mean their mean
 * @param std  their sample standard deviation (n − 1 in the denominator; 0 for a single value)
 * @param min  the smallest value
 * @param max  the largest value
 */
public record Spread(int runs, double mean, double std, double min, double max) {
    public Spread {
        if (runs < 1) {
            throw new IllegalArgumentException("spread: runs = " + runs + "; a spread needs at least one value");
        }
    }

    /** The spread of the given values (NaN values are not allowed: a run that measured nothing is an error). */
    public static Spread of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("spread: no values; give at least one");
        }
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                throw new IllegalArgumentException("spread: value " + i + " is NaN");
            }
        }
        double mean = Arrays.stream(values).sum() / values.length;
        double squares = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
        double std = values.length < 2 ? 0 : Math.sqrt(squares / (values.length - 1));
        return new Spread(values.length, mean, std,
                Arrays.stream(values).min().orElseThrow(), Arrays.stream(values).max().orElseThrow());
    }

    /** Whether the min–max ranges of the two spreads share any value. */
    public boolean overlaps(Spread other) {
        return min <= other.max && other.min <= max;
    }

    /** E.g. {@code 0.701 ± 0.012 (0.690–0.715, 3 seeds)} for the pattern {@code %.3f}; one run shows the value alone. */
    public String describe(String pattern) {
        String m = String.format(Locale.ROOT, pattern, mean);
        if (runs == 1) {
            return m + " (1 seed)";
        }
        return m + " ± " + String.format(Locale.ROOT, pattern, std) + " (" + String.format(Locale.ROOT, pattern, min)
                + "–" + String.format(Locale.ROOT, pattern, max) + ", " + runs + " seeds)";
    }
}
