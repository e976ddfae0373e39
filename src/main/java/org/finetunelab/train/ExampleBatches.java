package org.finetunelab.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Batches made of whole examples, one example per row. Batch {@code i} is a seeded random draw of examples,
 * a pure function of {@code i}, so a resumed run sees the same batches; {@link #inOrder()} gives every example
 * once, for evaluation. Subclasses say how the chosen examples become a {@link Batch}.
 */
public abstract class ExampleBatches implements BatchSource {
    private final int exampleCount;
    private final int batchSize;
    private final int length;
    private final long seed;

    protected ExampleBatches(int exampleCount, int batchSize, int length, long seed) {
        this.exampleCount = exampleCount;
        this.batchSize = batchSize;
        this.length = length;
        this.seed = seed;
    }

    /** The batch of the given examples (indices into the subclass's list), in that order. */
    protected abstract Batch rowsOf(int[] rows);

    @Override
    public final Batch batch(long index) {
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        int[] rows = new int[batchSize];
        for (int r = 0; r < batchSize; r++) {
            rows[r] = rng.nextInt(exampleCount);
        }
        return rowsOf(rows);
    }

    /** Every example once, in order, in batches of at most {@code batchSize}. */
    public final List<Batch> inOrder() {
        List<Batch> out = new ArrayList<>();
        for (int start = 0; start < exampleCount; start += batchSize) {
            int[] rows = new int[Math.min(batchSize, exampleCount - start)];
            for (int r = 0; r < rows.length; r++) {
                rows[r] = start + r;
            }
            out.add(rowsOf(rows));
        }
        return out;
    }

    @Override
    public final int batchSize() {
        return batchSize;
    }

    @Override
    public final int sequenceLength() {
        return length;
    }
}
