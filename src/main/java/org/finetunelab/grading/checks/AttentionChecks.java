package org.finetunelab.grading.checks;

import org.finetunelab.grading.Check;
import org.finetunelab.grading.Submitted;
import org.finetunelab.grading.tasks.AttentionExercise;
import org.junit.jupiter.api.extension.ExtendWith;

/** Lesson 01: scaled dot-product attention. */
@ExtendWith(Submitted.class)
public class AttentionChecks {

    /** softmax written out, for the expectations. */
    static double[] softmax(double... s) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : s) {
            max = Math.max(max, x);
        }
        double[] p = new double[s.length];
        double sum = 0;
        for (int i = 0; i < s.length; i++) {
            p[i] = Math.exp(s[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < s.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    // Mistake: exponentials not divided by their sum, so the weights do not add up to 1.
    @Check(points = 1, hint = "softmax is exp(s) divided by the sum of exp over the row")
    void softmaxGivesProbabilities(AttentionExercise attention) {
        Expect.close(softmax(1, 2, 3), attention.softmax(new double[]{1, 2, 3}), 1e-9, "softmax([1, 2, 3])");
    }

    // Mistake: exp(1000) overflows to infinity and infinity/infinity is NaN; subtract the row's maximum first.
    @Check(points = 2, hint = "subtract the row's maximum before exp(): the result is the same and nothing overflows")
    void softmaxSurvivesLargeScores(AttentionExercise attention) {
        Expect.close(softmax(0, 0, -1), attention.softmax(new double[]{1000, 1000, 999}), 1e-9, "softmax([1000, 1000, 999])");
    }

    // Mistakes: no scaling at all, or dividing by d instead of √d.
    @Check(points = 2, hint = "scale the scores q·k by 1/sqrt(d), d the width of q and k")
    void scalesByOneOverSqrtD(AttentionExercise attention) {
        double[][] q = {{1, 0, 0, 0}};
        double[][] k = {{2, 0, 0, 0}, {0, 0, 0, 0}};
        // q·k = [2, 0], d = 4, so the scores are [1, 0].
        Expect.close(new double[][]{softmax(1, 0)}, attention.weights(q, k, false), 1e-9, "weights(q, k) with d = 4");
    }

    // Mistakes: the mask forgotten, or later weights zeroed after the softmax without renormalising (rows sum below 1).
    @Check(points = 2, hint = "with causal, hide j > i before the softmax, so each row's visible weights still sum to 1")
    void hidesLaterKeysWhenCausal(AttentionExercise attention) {
        double[][] q = {{1, 0}, {0, 1}, {1, 1}};
        double[][] k = {{1, 1}, {2, 0}, {0, 2}};
        double s = 1 / Math.sqrt(2);
        double[][] expected = {
                {1, 0, 0},
                {softmax(1 * s, 0)[0], softmax(1 * s, 0)[1], 0},
                softmax(2 * s, 2 * s, 2 * s)};
        Expect.close(expected, attention.weights(q, k, true), 1e-9, "causal weights");
    }

    // Mistake: the softmax taken down the columns (over the queries) instead of along each row (over the keys).
    @Check(points = 1, hint = "one softmax per query row: each row of the weights sums to 1")
    void normalisesOverTheKeys(AttentionExercise attention) {
        double[][] q = {{0.5, -1, 2}, {1, 0, 0}};
        double[][] k = {{1, 2, 0}, {0, 1, 1}, {-1, 0, 1}};
        double[][] w = attention.weights(q, k, false);
        Expect.shape(2, 3, w, "weights of 2 queries over 3 keys");
        for (int i = 0; i < 2; i++) {
            double sum = 0;
            for (double x : w[i]) {
                sum += x;
            }
            Expect.close(1, sum, 1e-9, "sum of row " + i + " of the weights");
        }
    }

    // Mistake: the output is not the weights times v (v transposed, or the weights returned as they are).
    @Check(points = 2, hint = "the output row i is the weighted sum of the value rows: sum over j of weight(i, j) * v[j]")
    void mixesTheValuesByTheWeights(AttentionExercise attention) {
        double[][] q = {{1, 0}, {0, 1}};
        double[][] k = {{1, 0}, {0, 1}};
        double[][] v = {{10, 1}, {2, 20}};
        double[] w0 = softmax(1 / Math.sqrt(2), 0);
        double[][] expected = Expect.matmul(new double[][]{{w0[0], w0[1]}, {w0[1], w0[0]}}, v);
        Expect.close(expected, attention.attend(q, k, v, false), 1e-9, "attend(q, k, v)");
    }
}
