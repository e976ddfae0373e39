import org.finetunelab.grading.Check;
import org.finetunelab.grading.Submitted;
import org.finetunelab.grading.checks.Expect;
import org.finetunelab.grading.tasks.EwcExercise;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Random;

/** Lesson 09, the EWC penalty: the instructor's checks. */
@ExtendWith(Submitted.class)
public class EwcInstructorChecks {

    // Mistake: a penalty and a gradient that disagree (the ½ missing in one of them, or F squared in one).
    @Check(points = 2, hint = "the gradient must be the slope of the penalty: check it against a finite difference")
    void theGradientIsTheSlopeOfThePenalty(EwcExercise ewc) {
        Random rng = new Random(61);
        double[] anchor = Expect.random(rng, 1, 5)[0];
        double[] fisher = new double[5];
        for (int i = 0; i < 5; i++) {
            fisher[i] = 3 * rng.nextDouble();
        }
        ewc.consolidate(anchor, fisher);
        double[] theta = Expect.random(rng, 1, 5)[0];
        double[] gradient = ewc.penaltyGradient(theta, 0.7);
        double h = 1e-5;
        double[] slope = new double[5];
        for (int i = 0; i < 5; i++) {
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[i] += h;
            down[i] -= h;
            slope[i] = (ewc.penalty(up, 0.7) - ewc.penalty(down, 0.7)) / (2 * h);
        }
        Expect.close(slope, gradient, 1e-6, "penaltyGradient against the penalty's slope");
    }

    // Mistake: the anchor taken as zero (plain weight decay) instead of the weights after task A.
    @Check(points = 1, hint = "the anchor is the weights after task A, not zero")
    void theAnchorIsTheOldWeightsNotZero(EwcExercise ewc) {
        ewc.consolidate(new double[]{5, -5}, new double[]{1, 1});
        Expect.close(0, ewc.penalty(new double[]{5, -5}, 3), 1e-12, "penalty at the anchor [5, −5]");
        Expect.close(new double[]{0, 0}, ewc.penaltyGradient(new double[]{5, -5}, 3), 1e-12, "gradient at the anchor [5, −5]");
    }

    // Mistake: keeping the caller's Fisher array, which the caller may reuse for the next task's estimate.
    @Check(points = 1, hint = "consolidate copies F too")
    void fisherIsCopiedToo(EwcExercise ewc) {
        double[] fisher = {2, 2};
        ewc.consolidate(new double[]{0, 0}, fisher);
        fisher[0] = 100;
        Expect.close(2, ewc.penalty(new double[]{1, 1}, 1), 1e-12, "penalty after the caller changed its Fisher array");
    }
}
