package org.finetunelab.grading.checks;

import org.finetunelab.grading.Check;
import org.finetunelab.grading.Submitted;
import org.finetunelab.grading.tasks.DpoExercise;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lesson 07: the DPO loss. */
@ExtendWith(Submitted.class)
public class DpoChecks {
    // Policy: chosen −10, rejected −12. Reference: chosen −9, rejected −14. The policy gained −1 on the chosen answer
    // and +2 on the rejected one, relative to the reference: it moved the wrong way, margin = β·(−1 − 2) = −3β.
    static final double PC = -10;
    static final double PR = -12;
    static final double RC = -9;
    static final double RR = -14;

    // Mistakes: the reference term left out (−10 − (−12) = +2 would say the policy does well), or chosen and rejected
    // swapped (the sign).
    @Check(points = 3, hint = "margin = β·[(log π(chosen) − log π_ref(chosen)) − (log π(rejected) − log π_ref(rejected))]")
    void theMarginComparesGainsOverTheReference(DpoExercise dpo) {
        Expect.close(-3, dpo.margin(PC, PR, RC, RR, 1), 1e-12, "margin(policy −10/−12, reference −9/−14, β = 1)");
    }

    // Mistake: β ignored, so it no longer sets how far the policy may drift from the reference.
    @Check(points = 2, hint = "multiply the difference of gains by β")
    void betaScalesTheMargin(DpoExercise dpo) {
        Expect.close(-0.3, dpo.margin(PC, PR, RC, RR, 0.1), 1e-12, "margin with β = 0.1");
    }

    // Mistake: −log σ(−m) or log σ(m): the loss then rewards preferring the rejected answer.
    @Check(points = 2, hint = "loss = −log σ(margin) = log(1 + e^(−margin)): log 2 at margin 0, small for large margins")
    void theLossIsMinusLogSigmoidOfTheMargin(DpoExercise dpo) {
        Expect.close(Math.log(2), dpo.loss(-5, -5, -5, -5, 0.5), 1e-12, "loss at margin 0");
        Expect.close(Math.log1p(Math.exp(-2)), dpo.loss(-1, -3, -2, -2, 1), 1e-12, "loss at margin 2");
        Expect.close(Math.log1p(Math.exp(3)), dpo.loss(PC, PR, RC, RR, 1), 1e-12, "loss at margin −3");
    }

    // Mistake: the wrong sign anywhere, so raising the chosen answer makes the loss go up.
    @Check(points = 1, hint = "raising log π(chosen) must lower the loss")
    void raisingTheChosenAnswerLowersTheLoss(DpoExercise dpo) {
        double before = dpo.loss(PC, PR, RC, RR, 0.5);
        double after = dpo.loss(PC + 1, PR, RC, RR, 0.5);
        assertTrue(after < before, "loss went from " + Expect.fmt(before) + " to " + Expect.fmt(after) + " when log π(chosen) rose by 1");
    }

    // Mistake: log(1 + exp(−m)) computed directly: exp(1000) is infinite.
    @Check(points = 1, hint = "compute it as max(−m, 0) + log(1 + e^(−|m|)), which never overflows")
    void theLossStaysFiniteForLargeMargins(DpoExercise dpo) {
        Expect.close(1000, dpo.loss(0, 1000, 0, 0, 1), 1e-9, "loss at margin −1000");
        Expect.close(0, dpo.loss(1000, 0, 0, 0, 1), 1e-9, "loss at margin +1000");
    }

    // Mistake: the sum over pairs instead of the mean, which makes the learning rate depend on the batch size.
    @Check(points = 1, hint = "meanLoss is the mean of the pairs' losses")
    void meanLossAveragesThePairs(DpoExercise dpo) {
        double[] pc = {-1, -5};
        double[] pr = {-3, -5};
        double[] rc = {-2, -5};
        double[] rr = {-2, -5};
        double expected = (Math.log1p(Math.exp(-2)) + Math.log(2)) / 2;
        Expect.close(expected, dpo.meanLoss(pc, pr, rc, rr, 1), 1e-12, "meanLoss of margins 2 and 0");
    }
}
