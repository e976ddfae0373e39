package org.finetunelab.grading.checks;

import org.finetunelab.grading.Check;
import org.finetunelab.grading.Submitted;
import org.finetunelab.grading.tasks.LossMaskExercise;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Lesson 06: the instruction loss mask. */
@ExtendWith(Submitted.class)
public class LossMaskChecks {
    // Prompt 11 12 13, response 21 22, end of text 0; rows of 8 positions padded with 99.
    static final int[] TOKENS = {11, 12, 13, 21, 22, 0};
    static final int PROMPT = 3;
    static final int PAD = 99;

    static LossMaskExercise.Row row(LossMaskExercise mask) {
        LossMaskExercise.Row row = mask.row(TOKENS.clone(), PROMPT, 8, PAD);
        assertNotNull(row, "row returned null");
        assertEquals(8, row.weights().length, "length of the weights");
        return row;
    }

    // Mistake: the targets not shifted, so each position "predicts" the token it already reads.
    @Check(points = 2, hint = "position t reads tokens[t] and predicts tokens[t + 1]")
    void targetsAreTheNextTokens(LossMaskExercise mask) {
        LossMaskExercise.Row row = row(mask);
        assertArrayEquals(new int[]{11, 12, 13, 21, 22}, java.util.Arrays.copyOf(row.inputs(), 5), "inputs at positions 0..4");
        assertArrayEquals(new int[]{12, 13, 21, 22, 0}, java.util.Arrays.copyOf(row.targets(), 5), "targets at positions 0..4");
    }

    // Mistake: masking the response instead of the prompt (the model then learns to repeat questions).
    @Check(points = 2, hint = "weight 0 where the predicted token is part of the prompt")
    void thePromptDoesNotCount(LossMaskExercise mask) {
        double[] w = row(mask).weights();
        assertEquals(0.0, w[0], "weight at position 0 (predicts 12, a prompt token)");
        assertEquals(0.0, w[1], "weight at position 1 (predicts 13, a prompt token)");
    }

    // Mistake: off by one — t >= promptLength instead of t + 1 >= promptLength drops the first response token.
    @Check(points = 2, hint = "position promptLength − 1 reads the last prompt token and predicts the first response token: it counts")
    void theFirstResponseTokenCounts(LossMaskExercise mask) {
        assertEquals(1.0, row(mask).weights()[2], "weight at position 2 (reads 13, predicts 21: the first response token)");
    }

    // Mistake: the end-of-text token not counted, so the model never learns to stop.
    @Check(points = 1, hint = "the end-of-text token is part of the answer: the position that predicts it counts")
    void theEndOfTextCounts(LossMaskExercise mask) {
        double[] w = row(mask).weights();
        assertEquals(1.0, w[3], "weight at position 3 (predicts 22)");
        assertEquals(1.0, w[4], "weight at position 4 (predicts the end of text)");
    }

    // Mistake: padding counted, so the model learns to predict padding.
    @Check(points = 1, hint = "positions with nothing to predict hold padId in inputs and targets and weigh 0")
    void paddingDoesNotCount(LossMaskExercise mask) {
        LossMaskExercise.Row row = row(mask);
        for (int t = 5; t < 8; t++) {
            assertEquals(PAD, row.inputs()[t], "input at position " + t + " (padding)");
            assertEquals(PAD, row.targets()[t], "target at position " + t + " (padding)");
            assertEquals(0.0, row.weights()[t], "weight at position " + t + " (padding)");
        }
    }

    // Mistake: dividing by every position instead of by the counted ones, so long prompts shrink the loss.
    @Check(points = 2, hint = "divide by the sum of the weights, not by the number of positions")
    void averagesOverTheCountedPositionsOnly(LossMaskExercise mask) {
        Expect.close(3, mask.maskedMean(new double[]{9, 9, 2, 4, 7}, new double[]{0, 0, 1, 1, 0}), 1e-12,
                "maskedMean(losses [9, 9, 2, 4, 7], weights [0, 0, 1, 1, 0])");
    }
}
