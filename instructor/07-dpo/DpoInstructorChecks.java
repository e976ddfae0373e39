import org.finetunelab.grading.Check;
import org.finetunelab.grading.Submitted;
import org.finetunelab.grading.checks.Expect;
import org.finetunelab.grading.tasks.DpoExercise;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lesson 07, the DPO loss: the instructor's checks. */
@ExtendWith(Submitted.class)
public class DpoInstructorChecks {

    // Mistake: the reference term left out: a policy equal to its reference must score log 2 whatever the answers.
    @Check(points = 2, hint = "a policy that equals the reference has margin 0 and loss log 2, however likely the answers are")
    void aPolicyEqualToItsReferenceScoresLogTwo(DpoExercise dpo) {
        Expect.close(Math.log(2), dpo.loss(-3, -40, -3, -40, 0.1), 1e-12, "loss when the policy equals the reference");
    }

    // Mistake: β used in the pairs' losses but not in meanLoss (or the other way round).
    @Check(points = 1, hint = "meanLoss applies the same β as loss")
    void meanLossUsesBeta(DpoExercise dpo) {
        double[] pc = {-1, -2, -3};
        double[] pr = {-4, -1, -3};
        double[] rc = {-2, -2, -1};
        double[] rr = {-2, -2, -2};
        double expected = 0;
        for (int i = 0; i < 3; i++) {
            double m = 0.5 * ((pc[i] - rc[i]) - (pr[i] - rr[i]));
            expected += Math.log1p(Math.exp(-m)) / 3;
        }
        Expect.close(expected, dpo.meanLoss(pc, pr, rc, rr, 0.5), 1e-12, "meanLoss with β = 0.5");
    }

    // Mistake: log σ(m) returned instead of −log σ(m): a loss that is negative and falls as the model gets worse.
    @Check(points = 1, hint = "−log σ(m) is never negative")
    void theLossIsNeverNegative(DpoExercise dpo) {
        Random rng = new Random(51);
        for (int i = 0; i < 50; i++) {
            double loss = dpo.loss(-20 * rng.nextDouble(), -20 * rng.nextDouble(), -20 * rng.nextDouble(), -20 * rng.nextDouble(), 0.3);
            assertTrue(loss >= 0, "a loss of " + Expect.fmt(loss));
        }
    }
}
