package org.finetunelab.grading.tasks;

/**
 * Lesson 06: the instruction loss mask. An example's tokens are the prompt, then the response and the end-of-text
 * token. Position t reads token t and predicts token t + 1; the loss counts only where the predicted token belongs
 * to the response (the end-of-text token included), never on the prompt or on padding. Library counterpart:
 * {@code org.finetunelab.train.InstructionBatches}.
 */
public interface LossMaskExercise {
    /** One row of a training batch: what the model reads, what it should predict, and how much each position counts. */
    record Row(int[] inputs, int[] targets, double[] weights) {
    }

    /**
     * The row for one example: {@code tokens} = prompt ({@code promptLength} tokens) + response + end of text. Each
     * array has {@code length} positions: inputs[t] = tokens[t], targets[t] = tokens[t + 1], weights[t] = 1 when
     * tokens[t + 1] is a response token, else 0. Positions t that have no token t + 1 to predict are padding:
     * {@code padId} in both inputs and targets, weight 0. The example has at most length + 1 tokens.
     */
    Row row(int[] tokens, int promptLength, int length, int padId);

    /** The mean loss over the counted positions: Σ weight·loss / Σ weight (0 when nothing counts). */
    double maskedMean(double[] tokenLosses, double[] weights);
}
