package org.finetunelab.grading.checks;

import org.finetunelab.grading.Check;
import org.finetunelab.grading.Submitted;
import org.finetunelab.grading.tasks.EarlyStoppingExercise;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Lesson 08: early stopping. */
@ExtendWith(Submitted.class)
public class EarlyStoppingChecks {

    /** What shouldStop answers to each loss, as a string such as "[false, false, true]". */
    public static String answers(EarlyStoppingExercise stopper, int patience, double minDelta, double... losses) {
        stopper.configure(patience, minDelta);
        boolean[] out = new boolean[losses.length];
        for (int i = 0; i < losses.length; i++) {
            out[i] = stopper.shouldStop(losses[i]);
        }
        return Arrays.toString(out);
    }

    // Mistake: stopping although the loss keeps improving.
    @Check(points = 1, hint = "while each evaluation improves on the best, never stop")
    void keepsGoingWhileTheLossFalls(EarlyStoppingExercise stopper) {
        assertEquals("[false, false, false, false, false]", answers(stopper, 2, 0, 1.0, 0.9, 0.8, 0.7, 0.6),
                "shouldStop for falling losses, patience 2");
    }

    // Mistakes: off by one either way — stopping one evaluation early or one late.
    @Check(points = 3, hint = "stop at the evaluation where the count of evaluations without improvement reaches patience")
    void stopsAfterPatienceEvaluationsWithoutImprovement(EarlyStoppingExercise stopper) {
        assertEquals("[false, false, false, true]", answers(stopper, 3, 0, 1.0, 1.1, 1.2, 1.3),
                "shouldStop for losses 1.0, 1.1, 1.2, 1.3 with patience 3");
    }

    // Mistake: the count not reset on an improvement, so a run that recovered stops anyway.
    @Check(points = 2, hint = "an improvement starts the count of evaluations without improvement again at 0")
    void anImprovementResetsTheCount(EarlyStoppingExercise stopper) {
        assertEquals("[false, false, false, false, true]", answers(stopper, 2, 0, 1.0, 1.1, 0.9, 1.0, 1.0),
                "shouldStop for losses 1.0, 1.1, 0.9, 1.0, 1.0 with patience 2");
    }

    // Mistake: comparing with the previous loss instead of the best so far, so a small dip after a bad step counts as
    // progress.
    @Check(points = 2, hint = "compare with the best loss so far, not with the previous one")
    void comparesWithTheBestNotTheLast(EarlyStoppingExercise stopper) {
        assertEquals("[false, false, false, true]", answers(stopper, 2, 0, 1.0, 0.5, 0.9, 0.8),
                "shouldStop for losses 1.0, 0.5, 0.9, 0.8 with patience 2 (0.8 is better than 0.9 but not than 0.5)");
    }

    // Mistake: bestEvaluation tracking the last evaluation, which would restore the overfitted weights.
    @Check(points = 1, hint = "bestEvaluation is the index of the last improvement, the weights to restore")
    void remembersTheBestEvaluation(EarlyStoppingExercise stopper) {
        answers(stopper, 5, 0, 1.0, 0.5, 0.9, 0.8);
        assertEquals(1, stopper.bestEvaluation(), "bestEvaluation after losses 1.0, 0.5, 0.9, 0.8");
    }

    // Mistake: minDelta ignored, so noise-sized improvements keep a stalled run alive.
    @Check(points = 1, hint = "an improvement must beat best − minDelta")
    void ignoresImprovementsSmallerThanMinDelta(EarlyStoppingExercise stopper) {
        assertEquals("[false, false, true]", answers(stopper, 2, 0.01, 1.0, 0.995, 0.993),
                "shouldStop for losses 1.0, 0.995, 0.993 with patience 2 and minDelta 0.01");
    }
}
