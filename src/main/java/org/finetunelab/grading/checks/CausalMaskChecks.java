package org.finetunelab.grading.checks;

import org.finetunelab.grading.Check;
import org.finetunelab.grading.Submitted;
import org.finetunelab.grading.tasks.CausalMaskExercise;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.fail;

/** Lesson 01: the causal mask. */
@ExtendWith(Submitted.class)
public class CausalMaskChecks {
    static final double HIDDEN = CausalMaskExercise.HIDDEN_AT_MOST;

    // Mistake: the cache's past positions left out of the columns, so cached keys cannot be attended to.
    @Check(points = 1, hint = "one row per query and one column per key; with a cache the keys are the past ones plus the new ones")
    void hasOneRowPerQueryAndOneColumnPerKey(CausalMaskExercise mask) {
        Expect.shape(4, 4, mask.mask(4), "mask(4)");
        Expect.shape(2, 5, mask.maskWithCache(2, 3), "maskWithCache(2, 3)");
    }

    // Mistake: j < i instead of j <= i, so a token cannot see itself (and the first row hides everything).
    @Check(points = 2, hint = "a token may attend to itself: the diagonal j = i is visible (0)")
    void letsEachTokenSeeItself(CausalMaskExercise mask) {
        double[][] m = mask.mask(5);
        for (int i = 0; i < 5; i++) {
            if (m[i][i] != 0) {
                fail("mask(5): at row " + i + ", column " + i + " (a token and itself) expected 0 but was " + Expect.fmt(m[i][i]));
            }
        }
    }

    // Mistake: the mask transposed (the upper triangle visible), or 1 for visible as in a multiplicative mask.
    @Check(points = 2, hint = "earlier keys are visible: 0 where j < i, since the mask is added to the scores")
    void letsEachTokenSeeEarlierTokens(CausalMaskExercise mask) {
        double[][] m = mask.mask(5);
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < i; j++) {
                if (m[i][j] != 0) {
                    fail("mask(5): at row " + i + ", column " + j + " (an earlier key) expected 0 but was " + Expect.fmt(m[i][j]));
                }
            }
        }
    }

    // Mistakes: later keys left visible (transposed mask), or hidden with too small a number (-1 still leaves them
    // weight after the softmax).
    @Check(points = 2, hint = "later keys get a very large negative number (at most -1e9, or -infinity) so softmax gives them 0")
    void hidesLaterTokens(CausalMaskExercise mask) {
        double[][] m = mask.mask(5);
        for (int i = 0; i < 5; i++) {
            for (int j = i + 1; j < 5; j++) {
                if (!(m[i][j] <= HIDDEN)) {
                    fail("mask(5): at row " + i + ", column " + j + " (a later key) expected at most -1e9 but was " + Expect.fmt(m[i][j]));
                }
            }
        }
    }

    // Mistake: with a cache, query i treated as position i instead of past + i, hiding cached keys it may see.
    @Check(points = 3, hint = "with a cache, query row i is position past + i: it sees keys 0 .. past + i")
    void withCacheQueryIStandsAtPastPlusI(CausalMaskExercise mask) {
        double[][] m = mask.maskWithCache(2, 3);
        Expect.shape(2, 5, m, "maskWithCache(2, 3)");
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 5; j++) {
                boolean visible = j <= 3 + i;
                if (visible ? m[i][j] != 0 : !(m[i][j] <= HIDDEN)) {
                    fail("maskWithCache(2, 3): at row " + i + " (position " + (3 + i) + "), column " + j + " expected "
                            + (visible ? "0 (visible)" : "at most -1e9 (hidden)") + " but was " + Expect.fmt(m[i][j]));
                }
            }
        }
    }
}
