package org.finetunelab.grading.checks;

import org.finetunelab.grading.Check;
import org.finetunelab.grading.Submitted;
import org.finetunelab.grading.tasks.TopPExercise;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Lesson 01: top-p (nucleus) sampling. */
@ExtendWith(Submitted.class)
public class TopPChecks {
    static final double[] PROBS = {0.4, 0.3, 0.2, 0.1};

    // Mistake: tokens kept in id order instead of from most to least likely.
    @Check(points = 1, hint = "sort the tokens by probability, most likely first")
    void sortsByProbability(TopPExercise topP) {
        assertArrayEquals(new int[]{1, 2, 0}, topP.nucleus(new double[]{0.1, 0.6, 0.3}, 1.0),
                "nucleus([0.1, 0.6, 0.3], p = 1) should list every id, most likely first");
    }

    // Mistake: the nucleus one token too small, stopping before the token whose probability carries the sum past p.
    @Check(points = 3, hint = "keep the token at which the running sum reaches p: 0.4 + 0.3 = 0.7 ≥ 0.6, so both stay")
    void keepsTheTokenThatReachesP(TopPExercise topP) {
        int[] kept = topP.nucleus(PROBS, 0.6);
        assertEquals(true, kept.length >= 2, "nucleus([0.4, 0.3, 0.2, 0.1], p = 0.6) = " + Arrays.toString(kept)
                + ": 0.4 alone does not reach 0.6, so token 1 must be kept too");
        assertArrayEquals(new int[]{0, 1}, Arrays.copyOf(kept, 2), "the first two ids of the nucleus");
    }

    // Mistake: the nucleus one token too large, keeping a token after the sum already reached p.
    @Check(points = 3, hint = "stop right after the token that reaches p: the ones after it are cut")
    void stopsRightAfterTheTokenThatReachesP(TopPExercise topP) {
        int[] kept = topP.nucleus(PROBS, 0.6);
        assertEquals(true, kept.length <= 2, "nucleus([0.4, 0.3, 0.2, 0.1], p = 0.6) = " + Arrays.toString(kept)
                + ": 0.4 + 0.3 already reaches 0.6, so token 2 must be cut");
    }

    // Mistake: sum > p instead of sum ≥ p, keeping one token too many when the sum hits p exactly.
    @Check(points = 1, hint = "reaching p exactly is enough: the test is sum >= p")
    void reachingPExactlyIsEnough(TopPExercise topP) {
        assertArrayEquals(new int[]{0, 1}, topP.nucleus(new double[]{0.5, 0.25, 0.25}, 0.75),
                "nucleus([0.5, 0.25, 0.25], p = 0.75): 0.5 + 0.25 = 0.75 reaches p");
    }

    // Mistake: the nucleus not renormalised, so u walks over the original probabilities and lands on the wrong token
    // (or past the nucleus).
    @Check(points = 2, hint = "divide the kept probabilities by their sum before walking them with u")
    void renormalisesInsideTheNucleus(TopPExercise topP) {
        // The nucleus at p = 0.6 is {0: 0.4, 1: 0.3}, renormalised {0: 0.571, 1: 0.429}.
        assertEquals(0, topP.sample(PROBS, 0.6, 0.5), "sample(p = 0.6, u = 0.5): 0.4/0.7 = 0.571 > 0.5 picks token 0");
        assertEquals(1, topP.sample(PROBS, 0.6, 0.95), "sample(p = 0.6, u = 0.95) must stay inside the nucleus {0, 1}");
    }
}
