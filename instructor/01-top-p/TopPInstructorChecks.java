import org.finetunelab.grading.Check;
import org.finetunelab.grading.Submitted;
import org.finetunelab.grading.tasks.TopPExercise;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Lesson 01, top-p sampling: the instructor's checks. */
@ExtendWith(Submitted.class)
public class TopPInstructorChecks {

    // Mistake: with p = 1, stopping as soon as rounding makes the sum reach 1, which drops the least likely tokens.
    @Check(points = 2, hint = "p = 1 keeps every token, whatever the rounding of the running sum")
    void pOfOneKeepsEveryToken(TopPExercise topP) {
        assertArrayEquals(new int[]{0, 1, 2}, topP.nucleus(new double[]{0.5, 0.5, 1e-17}, 1.0),
                "nucleus([0.5, 0.5, 1e-17], p = 1): 0.5 + 0.5 already makes 1.0, but p = 1 keeps all");
    }

    // Mistake: an unstable order for equal probabilities (the higher id first).
    @Check(points = 1, hint = "equal probabilities: the lower id comes first")
    void tiesGoToTheLowerId(TopPExercise topP) {
        assertArrayEquals(new int[]{1, 3}, topP.nucleus(new double[]{0.1, 0.4, 0.1, 0.4}, 0.5),
                "nucleus([0.1, 0.4, 0.1, 0.4], p = 0.5)");
    }

    // Mistake: the nucleus one token too small, seen on a longer, unsorted distribution.
    @Check(points = 1, hint = "sort, then keep tokens until the running sum reaches p, that token included")
    void anUnsortedDistribution(TopPExercise topP) {
        double[] probs = {0.05, 0.15, 0.02, 0.3, 0.08, 0.2, 0.2};
        assertArrayEquals(new int[]{3, 5, 6, 1}, topP.nucleus(probs, 0.8), "nucleus at p = 0.8 (0.3 + 0.2 + 0.2 = 0.7 < 0.8)");
    }
}
