import org.finetunelab.grading.Check;
import org.finetunelab.grading.Submitted;
import org.finetunelab.grading.checks.EarlyStoppingChecks;
import org.finetunelab.grading.tasks.EarlyStoppingExercise;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Lesson 08, early stopping: the instructor's checks. */
@ExtendWith(Submitted.class)
public class EarlyStoppingInstructorChecks {

    // Mistake: !(loss >= best) as the test: NaN then counts as an improvement and becomes the "best" weights.
    @Check(points = 2, hint = "a NaN loss is never an improvement: loss < best − minDelta is false for NaN")
    void aNanLossIsNeverAnImprovement(EarlyStoppingExercise stopper) {
        assertEquals("[false, false, true]", EarlyStoppingChecks.answers(stopper, 2, 0, 1.0, Double.NaN, Double.NaN),
                "shouldStop for losses 1.0, NaN, NaN with patience 2");
        assertEquals(0, stopper.bestEvaluation(), "bestEvaluation after 1.0, NaN, NaN");
    }

    // Mistake: patience 0 read literally, stopping at the first evaluation that does not improve.
    @Check(points = 1, hint = "patience 0 means: never stop early")
    void patienceZeroNeverStops(EarlyStoppingExercise stopper) {
        assertEquals("[false, false, false, false]", EarlyStoppingChecks.answers(stopper, 0, 0, 1.0, 2.0, 3.0, 4.0),
                "shouldStop with patience 0");
    }

    // Mistake: bestEvaluation starting at 0, pointing at weights that were never evaluated.
    @Check(points = 1, hint = "before the first evaluation there is no best one: −1")
    void noBestBeforeTheFirstEvaluation(EarlyStoppingExercise stopper) {
        stopper.configure(3, 0);
        assertEquals(-1, stopper.bestEvaluation(), "bestEvaluation before any evaluation");
    }
}
