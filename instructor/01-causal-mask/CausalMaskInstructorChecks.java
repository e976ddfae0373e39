import org.finetunelab.grading.Check;
import org.finetunelab.grading.Submitted;
import org.finetunelab.grading.checks.Expect;
import org.finetunelab.grading.tasks.CausalMaskExercise;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.fail;

/** Lesson 01, the causal mask: the instructor's checks. */
@ExtendWith(Submitted.class)
public class CausalMaskInstructorChecks {

    // Mistake: with a cache, query i taken as position i: one new token after 6 cached ones would see only key 0.
    @Check(points = 2, hint = "a single new token after the cache sees every cached key and itself")
    void aSingleNewTokenSeesTheWholeCache(CausalMaskExercise mask) {
        double[][] m = mask.maskWithCache(1, 6);
        Expect.shape(1, 7, m, "maskWithCache(1, 6)");
        for (int j = 0; j < 7; j++) {
            if (m[0][j] != 0) {
                fail("maskWithCache(1, 6): column " + j + " expected 0 (visible) but was " + Expect.fmt(m[0][j]));
            }
        }
    }

    // Mistake: the rule written for the small visible cases only (or rows and columns swapped in the loops).
    @Check(points = 2, hint = "check the rule j <= past + i on every cell, for long sequences too")
    void longSequencesFollowTheRule(CausalMaskExercise mask) {
        check(mask.mask(40), 40, 0, "mask(40)");
        check(mask.maskWithCache(9, 30), 9, 30, "maskWithCache(9, 30)");
    }

    private static void check(double[][] m, int t, int past, String what) {
        Expect.shape(t, past + t, m, what);
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < past + t; j++) {
                boolean visible = j <= past + i;
                if (visible ? m[i][j] != 0 : !(m[i][j] <= CausalMaskExercise.HIDDEN_AT_MOST)) {
                    fail(what + ": at row " + i + ", column " + j + " expected " + (visible ? "0" : "at most -1e9")
                            + " but was " + Expect.fmt(m[i][j]));
                }
            }
        }
    }
}
