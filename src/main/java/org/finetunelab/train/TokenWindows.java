package org.finetunelab.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Batches of random windows cut from one long stream of token ids — the usual way to pretrain a language
 * model. The window start positions of batch {@code i} depend only on the seed and {@code i}.
 */
public final class TokenWindows implements BatchSource {
    private final int[] tokens;
    private final int batchSize;
    private final int length;
    private final long seed;

    public TokenWindows(int[] tokens, int batchSize, int length, long seed) {
        if (tokens.length < length + 2) {
            throw new IllegalArgumentException("the token stream has " + tokens.length + " tokens, fewer than one window of "
                    + (length + 1) + ": use more text or a shorter context.");
        }
        this.tokens = tokens;
        this.batchSize = batchSize;
        this.length = length;
        this.seed = seed;
    }

    @Override
    public Batch batch(long index) {
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        int n = batchSize * length;
        long[] in = new long[n];
        long[] out = new long[n];
        float[] w = new float[n];
        for (int r = 0; r < batchSize; r++) {
            int start = rng.nextInt(tokens.length - length);
            fill(start, r, in, out, w);
        }
        return new Batch(batchSize, length, in, out, w);
    }

    private void fill(int start, int row, long[] in, long[] out, float[] w) {
        for (int j = 0; j < length; j++) {
            in[row * length + j] = tokens[start + j];
            out[row * length + j] = tokens[start + j + 1];
            w[row * length + j] = 1f;
        }
    }

    /**
     * Consecutive, non-overlapping windows covering the stream (up to {@code maxBatches}), for a
     * validation loss that is the same every time it is measured.
     */
    public List<Batch> sequential(int maxBatches) {
        List<Batch> out = new ArrayList<>();
        int windows = (tokens.length - 1) / length;
        int w = 0;
        while (w < windows && out.size() < maxBatches) {
            int rows = Math.min(batchSize, windows - w);
            long[] in = new long[rows * length];
            long[] tg = new long[rows * length];
            float[] wt = new float[rows * length];
            for (int r = 0; r < rows; r++, w++) {
                fill(w * length, r, in, tg, wt);
            }
            out.add(new Batch(rows, length, in, tg, wt));
        }
        return out;
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    @Override
    public int sequenceLength() {
        return length;
    }

    public int tokenCount() {
        return tokens.length;
    }
}
