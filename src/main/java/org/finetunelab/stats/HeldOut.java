package org.finetunelab.stats;

import java.util.Locale;

/**
 * The sampling error of an accuracy measured on a finite held-out set. Each held-out example is a coin the model
 * gets right with probability p; on n examples the measured share has the binomial standard error
 * {@code sqrt(p (1 − p) / n)}. At 144 examples and p = 0.5 that is 4.2 points: another 144 reviews of the same
 * kind could easily move an accuracy by that much, whatever the seed.
 */
public final class HeldOut {
    private HeldOut() {
    }

    /** The binomial standard error of an accuracy {@code p} measured on {@code n} examples. */
    public static double standardError(double p, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("held-out set: n = " + n + " examples; need at least 1");
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("held-out accuracy p = " + p + " must be between 0 and 1");
        }
        return Math.sqrt(p * (1 - p) / n);
    }

    /** The largest standard error on {@code n} examples (at p = 0.5). */
    public static double worstStandardError(int n) {
        return standardError(0.5, n);
    }

    /** One sentence for the text: e.g. "on 144 held-out examples one example is 0.7 points and ...". */
    public static String describe(int n) {
        return String.format(Locale.ROOT, "on %d held-out examples one example is %.1f points of accuracy, and the"
                + " sampling error of an accuracy is ±%.1f points (binomial standard error at 50%%; ±%.1f at 70%%)",
                n, 100.0 / n, 100 * worstStandardError(n), 100 * standardError(0.7, n));
    }
}
