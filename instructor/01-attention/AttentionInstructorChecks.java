import org.finetunelab.grading.Check;
import org.finetunelab.grading.Submitted;
import org.finetunelab.grading.checks.Expect;
import org.finetunelab.grading.tasks.AttentionExercise;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Random;

/** Lesson 01, scaled dot-product attention: the instructor's checks. */
@ExtendWith(Submitted.class)
public class AttentionInstructorChecks {

    static double[][] reference(double[][] q, double[][] k, double[][] v, boolean causal) {
        double[][] out = new double[q.length][v[0].length];
        for (int i = 0; i < q.length; i++) {
            double[] s = new double[k.length];
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k.length; j++) {
                for (int c = 0; c < q[0].length; c++) {
                    s[j] += q[i][c] * k[j][c];
                }
                s[j] /= Math.sqrt(q[0].length);
                if (causal && j > i) {
                    s[j] = Double.NEGATIVE_INFINITY;
                }
                max = Math.max(max, s[j]);
            }
            double sum = 0;
            for (int j = 0; j < k.length; j++) {
                s[j] = Math.exp(s[j] - max);
                sum += s[j];
            }
            for (int j = 0; j < k.length; j++) {
                for (int c = 0; c < v[0].length; c++) {
                    out[i][c] += s[j] / sum * v[j][c];
                }
            }
        }
        return out;
    }

    // Mistake: assuming as many keys as queries (loops over q's rows for the keys too).
    @Check(points = 2, hint = "k and v may have more rows than q: loop over k's rows for the keys")
    void moreKeysThanQueries(AttentionExercise attention) {
        Random rng = new Random(11);
        double[][] q = Expect.random(rng, 2, 4);
        double[][] k = Expect.random(rng, 5, 4);
        double[][] v = Expect.random(rng, 5, 3);
        Expect.close(reference(q, k, v, false), attention.attend(q, k, v, false), 1e-9, "attend with 2 queries and 5 keys");
    }

    // Mistake: the output given the width of q instead of the width of v.
    @Check(points = 1, hint = "the output has one row per query and as many columns as v")
    void valuesOfAnotherWidth(AttentionExercise attention) {
        Random rng = new Random(12);
        double[][] q = Expect.random(rng, 3, 2);
        double[][] k = Expect.random(rng, 3, 2);
        double[][] v = Expect.random(rng, 3, 5);
        Expect.close(reference(q, k, v, true), attention.attend(q, k, v, true), 1e-9, "causal attend with values of width 5");
    }

    // Mistake: an off-by-one mask that hides the diagonal: the first query then has no key left (NaN).
    @Check(points = 1, hint = "with causal, the first query sees only the first key: its output is v's first row")
    void theFirstQueryCopiesTheFirstValue(AttentionExercise attention) {
        Random rng = new Random(13);
        double[][] q = Expect.random(rng, 4, 3);
        double[][] v = Expect.random(rng, 4, 3);
        Expect.close(v[0], attention.attend(q, Expect.random(rng, 4, 3), v, true)[0], 1e-12, "row 0 of causal attend");
    }
}
