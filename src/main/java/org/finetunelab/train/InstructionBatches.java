package org.finetunelab.train;

import org.finetunelab.text.InstructionExample;

import java.util.List;

/**
 * Instruction examples as training batches. Each row is one example, padded on the right to the batch
 * length; the loss weight is 1 where the target is a response token or the end-of-text token, and 0 on
 * the prompt and on padding, so the model learns to answer, not to repeat questions. Batch {@code i} is a
 * seeded random draw of examples, so a resumed run sees the same batches.
 */
public final class InstructionBatches extends ExampleBatches {
    private final List<InstructionExample> examples;
    private final int padId;

    /**
     * @param length positions per row; every example needs at most {@code length + 1} tokens (the last
     *               token is only ever a target). An {@code InstructionDataset}'s context length works.
     * @param padId  the id that fills rows after an example ends (it carries weight 0; end of text will do)
     */
    public InstructionBatches(List<InstructionExample> examples, int batchSize, int length, int padId, long seed) {
        super(examples.size(), batchSize, length, seed);
        if (examples.isEmpty() || batchSize <= 0 || length <= 0) {
            throw new IllegalArgumentException("instruction batches need at least one example, a positive batch size and "
                    + "length; got " + examples.size() + " examples, batch size " + batchSize + ", length " + length);
        }
        for (InstructionExample e : examples) {
            if (e.tokens().length - 1 > length) {
                throw new IllegalArgumentException(e.file() + ", line " + e.line() + ": the example has " + e.tokens().length
                        + " tokens, more than length + 1 = " + (length + 1) + ": load the dataset with this context length");
            }
        }
        this.examples = List.copyOf(examples);
        this.padId = padId;
    }

    @Override
    protected Batch rowsOf(int[] rows) {
        int length = sequenceLength();
        int n = rows.length * length;
        long[] in = new long[n];
        long[] target = new long[n];
        float[] weight = new float[n];
        for (int r = 0; r < rows.length; r++) {
            InstructionExample e = examples.get(rows[r]);
            fillRow(e.tokens(), e.promptLength(), r, length, padId, in, target, weight);
        }
        return new Batch(rows.length, length, in, target, weight);
    }

    /**
     * Several answers to one prompt as one batch, a row each (prompt, answer, end of text), weighted on the answer:
     * what a reward model scores when it picks the best of n samples.
     */
    public static Batch answers(int[] prompt, List<int[]> answers, int endId) {
        int length = prompt.length + answers.stream().mapToInt(a -> a.length).max().orElse(0);
        long[] in = new long[answers.size() * length];
        long[] target = new long[in.length];
        float[] weight = new float[in.length];
        for (int r = 0; r < answers.size(); r++) {
            int[] answer = answers.get(r);
            int[] tokens = new int[prompt.length + answer.length + 1];
            System.arraycopy(prompt, 0, tokens, 0, prompt.length);
            System.arraycopy(answer, 0, tokens, prompt.length, answer.length);
            tokens[tokens.length - 1] = endId;
            fillRow(tokens, prompt.length, r, length, endId, in, target, weight);
        }
        return new Batch(answers.size(), length, in, target, weight);
    }

    /**
     * Writes one example (prompt, then response and end of text) into row {@code row} of a batch's arrays, padded
     * to {@code length}: the weight is 1 where the predicted token belongs to the response, 0 elsewhere.
     */
    static void fillRow(int[] tokens, int promptLength, int row, int length, int padId, long[] in, long[] target,
                        float[] weight) {
        for (int t = 0; t < length; t++) {
            int at = row * length + t;
            boolean real = t + 1 < tokens.length;
            in[at] = real ? tokens[t] : padId;
            target[at] = real ? tokens[t + 1] : padId;
            // Position t predicts token t + 1: it counts when that token belongs to the response.
            weight[at] = real && t + 1 >= promptLength ? 1f : 0f;
        }
    }
}
