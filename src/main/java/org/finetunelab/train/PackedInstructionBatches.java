package org.finetunelab.train;

import org.finetunelab.text.InstructionExample;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Instruction examples packed end to end: each row is filled with whole examples, one after the other, instead
 * of one example padded to the row's length. Short examples then stop wasting most of each row on padding.
 *
 * <p>What packing here does not do, said plainly: attention is <em>not</em> kept inside each example. The model
 * has one causal mask, so a token may attend to the examples before it in its row, and an example's positions
 * continue from where the previous one ended. Each example ends with end-of-text, which the base model learnt
 * as a document boundary, and the loss still counts only response tokens; but a packed run does not train on
 * exactly what an unpacked one does. Batch {@code i} is a seeded function of {@code i}, like every batch source.
 */
public final class PackedInstructionBatches implements BatchSource {
    private final List<InstructionExample> examples;
    private final int batchSize;
    private final int length;
    private final int padId;
    private final long seed;

    /** @param length positions per row; each example must fit in {@code length + 1} tokens */
    public PackedInstructionBatches(List<InstructionExample> examples, int batchSize, int length, int padId, long seed) {
        if (examples.isEmpty() || batchSize <= 0 || length <= 0) {
            throw new IllegalArgumentException("packed batches need examples, a positive batch size and length");
        }
        for (InstructionExample e : examples) {
            if (e.tokens().length > length + 1) {
                throw new IllegalArgumentException(e.file() + ", line " + e.line() + ": the example has "
                        + e.tokens().length + " tokens, more than a row of " + (length + 1));
            }
        }
        this.examples = List.copyOf(examples);
        this.batchSize = batchSize;
        this.length = length;
        this.padId = padId;
        this.seed = seed;
    }

    @Override
    public Batch batch(long index) {
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        int n = batchSize * length;
        long[] in = new long[n];
        long[] target = new long[n];
        float[] weight = new float[n];
        Arrays.fill(in, padId);
        Arrays.fill(target, padId);
        for (int r = 0; r < batchSize; r++) {
            // A row holds length + 1 tokens (the last one only as a target); fill it until the next example does not fit.
            int used = 0;
            InstructionExample next = examples.get(rng.nextInt(examples.size()));
            while (used + next.tokens().length <= length + 1) {
                int[] tokens = next.tokens();
                for (int t = 0; t < tokens.length; t++) {
                    int position = used + t;          // where this token sits in the row
                    if (position < length) {
                        in[r * length + position] = tokens[t];
                    }
                    if (position >= 1) {
                        // Position p - 1 predicts the token at p; it counts when that token is part of the response.
                        target[r * length + position - 1] = tokens[t];
                        weight[r * length + position - 1] = t >= next.promptLength() ? 1f : 0f;
                    }
                }
                used += tokens.length;
                next = examples.get(rng.nextInt(examples.size()));
            }
        }
        return new Batch(batchSize, length, in, target, weight);
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    @Override
    public int sequenceLength() {
        return length;
    }
}
