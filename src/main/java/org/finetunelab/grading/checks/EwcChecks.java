package org.finetunelab.grading.checks;

import org.finetunelab.grading.Check;
import org.finetunelab.grading.Submitted;
import org.finetunelab.grading.tasks.EwcExercise;
import org.junit.jupiter.api.extension.ExtendWith;

/** Lesson 09: the EWC penalty. */
@ExtendWith(Submitted.class)
public class EwcChecks {

    // Mistake: the square of the mean gradient instead of the mean of the squares (gradients of opposite sign then
    // cancel, and a weight that mattered looks unimportant).
    @Check(points = 2, hint = "square each example's gradient, then average over the examples")
    void fisherIsTheMeanSquaredGradient(EwcExercise ewc) {
        Expect.close(new double[]{5, 4}, ewc.fisherDiagonal(new double[][]{{1, -2}, {3, 2}}), 1e-12,
                "fisherDiagonal of gradients [1, −2] and [3, 2]");
    }

    // Mistake: a penalty that is not zero at the anchor (e.g. measured from zero, like weight decay).
    @Check(points = 1, hint = "no change since task A, no penalty: measure θ − θ*")
    void noPenaltyAtTheAnchor(EwcExercise ewc) {
        ewc.consolidate(new double[]{0.5, -2}, new double[]{3, 1});
        Expect.close(0, ewc.penalty(new double[]{0.5, -2}, 10), 1e-12, "penalty at the anchor");
    }

    // Mistake: no Fisher weighting — plain distance to the anchor, which holds back unimportant weights as much as
    // important ones.
    @Check(points = 2, hint = "weigh each squared change by its Fisher value F_i")
    void weighsEachChangeByItsFisher(EwcExercise ewc) {
        ewc.consolidate(new double[]{0, 0}, new double[]{10, 0});
        Expect.close(5, ewc.penalty(new double[]{1, 1}, 1), 1e-12, "penalty with F = [10, 0], θ − θ* = [1, 1], λ = 1");
    }

    // Mistake: λ·Σ… without the ½, which doubles the penalty and no longer matches its gradient λ·F·(θ − θ*).
    @Check(points = 1, hint = "penalty = λ/2 · Σ F·(θ − θ*)²")
    void thePenaltyHasTheHalf(EwcExercise ewc) {
        ewc.consolidate(new double[]{1}, new double[]{1});
        Expect.close(9, ewc.penalty(new double[]{4}, 2), 1e-12, "penalty with F = 1, θ − θ* = 3, λ = 2");
    }

    // Mistake: the wrong anchor — keeping a reference to the caller's array, which training then changes in place, so
    // the anchor moves along with the weights and the penalty stays 0.
    @Check(points = 2, hint = "consolidate must copy the weights (clone()): training changes that very array afterwards")
    void theAnchorStaysWhereTaskAEnded(EwcExercise ewc) {
        double[] weights = {1, 2};
        ewc.consolidate(weights, new double[]{1, 1});
        weights[0] += 2;   // training task B changes the weights in place
        Expect.close(2, ewc.penalty(weights, 1), 1e-12, "penalty after training moved weight 0 by 2");
    }

    // Mistakes: the gradient's sign flipped (it would push away from the anchor), or F missing from it.
    @Check(points = 2, hint = "gradient = λ·F·(θ − θ*): it points away from the anchor, so a descent step pulls back")
    void theGradientPullsBackToTheAnchor(EwcExercise ewc) {
        ewc.consolidate(new double[]{1, 1}, new double[]{4, 0.5});
        Expect.close(new double[]{8, -4}, ewc.penaltyGradient(new double[]{2, -3}, 2), 1e-12,
                "penaltyGradient with F = [4, 0.5], θ − θ* = [1, −4], λ = 2");
    }
}
