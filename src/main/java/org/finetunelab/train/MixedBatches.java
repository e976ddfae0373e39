package org.finetunelab.train;

/**
 * Batches whose first rows come from one source and the rest from another: a fixed data mix, e.g. a
 * quarter of every batch from a small high-value text and three quarters from the general corpus.
 */
public final class MixedBatches implements BatchSource {
    private final BatchSource first;
    private final BatchSource second;

    public MixedBatches(BatchSource first, BatchSource second) {
        if (first.sequenceLength() != second.sequenceLength()) {
            throw new IllegalArgumentException("mixed sources need the same sequence length, got "
                    + first.sequenceLength() + " and " + second.sequenceLength());
        }
        this.first = first;
        this.second = second;
    }

    @Override
    public Batch batch(long index) {
        Batch a = first.batch(index);
        Batch b = second.batch(index);
        return new Batch(a.rows() + b.rows(), a.length(), concat(a.inputs(), b.inputs()), concat(a.targets(), b.targets()),
                concat(a.weights(), b.weights()));
    }

    private static long[] concat(long[] a, long[] b) {
        long[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Override
    public int batchSize() {
        return first.batchSize() + second.batchSize();
    }

    @Override
    public int sequenceLength() {
        return first.sequenceLength();
    }
}
