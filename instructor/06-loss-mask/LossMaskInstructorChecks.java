import org.finetunelab.grading.Check;
import org.finetunelab.grading.Submitted;
import org.finetunelab.grading.checks.Expect;
import org.finetunelab.grading.tasks.LossMaskExercise;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Lesson 06, the instruction loss mask: the instructor's checks. */
@ExtendWith(Submitted.class)
public class LossMaskInstructorChecks {

    // Mistake: an example of exactly length + 1 tokens read past its end, or its last target dropped.
    @Check(points = 1, hint = "an example of length + 1 tokens fills the row with no padding; its last target is the last token")
    void anExampleThatFillsTheRow(LossMaskExercise mask) {
        LossMaskExercise.Row row = mask.row(new int[]{5, 6, 7, 8, 9}, 2, 4, 0);
        assertArrayEquals(new int[]{5, 6, 7, 8}, row.inputs(), "inputs");
        assertArrayEquals(new int[]{6, 7, 8, 9}, row.targets(), "targets");
        Expect.close(new double[]{0, 1, 1, 1}, row.weights(), 0, "weights");
    }

    // Mistake: nothing counted gives 0/0 = NaN, which poisons a whole batch's loss.
    @Check(points = 1, hint = "when no position counts, the mean is 0, not NaN")
    void nothingCountedGivesZero(LossMaskExercise mask) {
        Expect.close(0, mask.maskedMean(new double[]{1, 2}, new double[]{0, 0}), 0, "maskedMean with all weights 0");
    }

    // Mistake: weights treated as yes/no, so a half-weighted position counts fully.
    @Check(points = 1, hint = "Σ weight·loss / Σ weight also works for weights between 0 and 1")
    void fractionalWeights(LossMaskExercise mask) {
        Expect.close(2.5, mask.maskedMean(new double[]{1, 3}, new double[]{0.25, 0.75}), 1e-12, "maskedMean with weights 0.25 and 0.75");
    }
}
