package org.finetunelab.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Batches of random windows cut from one long stream of token ids — the usual way to pretrain a language
 * model. The window start positions of batch {@code i} depend only on the seed and {@code i}. Every number is
 * given by name, so batch size and window length cannot be swapped:
 * <pre>{@code
 * var windows = TokenWindows.builder(tokens).batchSize(16).windowLength(64).seed(42).build();
 * }</pre>
 * From a list of texts, {@link TextData} builds the stream, the held-out part and the windows in one call.
 */
public final class TokenWindows implements BatchSource {
    private final int[] tokens;
    private final int batchSize;
    private final int length;
    private final long seed;

    private TokenWindows(int[] tokens, int batchSize, int length, long seed) {
        if (batchSize <= 0 || length <= 0) {
            throw new IllegalArgumentException("batchSize and windowLength must be positive, got batchSize " + batchSize
                    + " and windowLength " + length + " (set both on the builder).");
        }
        if (tokens.length < length + 2) {
            throw new IllegalArgumentException("the token stream has " + tokens.length + " tokens, fewer than one window of "
                    + (length + 1) + ": use more text or a shorter windowLength.");
        }
        this.tokens = tokens;
        this.batchSize = batchSize;
        this.length = length;
        this.seed = seed;
    }

    /** Starts the windows over {@code tokens}; batch size and window length must be set, the seed defaults to 0. */
    public static Builder builder(int[] tokens) {
        return new Builder(tokens);
    }

    /** The settings of {@link TokenWindows}, each by name. */
    public static final class Builder {
        private final int[] tokens;
        private int batchSize;
        private int windowLength;
        private long seed;

        private Builder(int[] tokens) {
            this.tokens = tokens;
        }

        /** Windows per batch. */
        public Builder batchSize(int windows) {
            this.batchSize = windows;
            return this;
        }

        /** Tokens per window: how much text the model reads at once (at most its context length). */
        public Builder windowLength(int tokens) {
            this.windowLength = tokens;
            return this;
        }

        /** Chooses the window positions; the same seed gives the same batches. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public TokenWindows build() {
            return new TokenWindows(tokens, batchSize, windowLength, seed);
        }
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

    /**
     * Consecutive windows of {@code length} that cover every token of {@code tokens} once, the last one padded
     * (padding does not count in the loss): a validation loss over all of a small held-out text, even one
     * shorter than a window.
     */
    static List<Batch> covering(int[] tokens, int batchSize, int length) {
        List<Batch> out = new ArrayList<>();
        int predicted = tokens.length - 1;   // every token but the first is a target once
        int windows = (predicted + length - 1) / length;
        for (int first = 0; first < windows; first += batchSize) {
            int rows = Math.min(batchSize, windows - first);
            long[] in = new long[rows * length];
            long[] tg = new long[rows * length];
            float[] wt = new float[rows * length];
            for (int r = 0; r < rows; r++) {
                int start = (first + r) * length;
                for (int j = 0; j < length && start + j < predicted; j++) {
                    in[r * length + j] = tokens[start + j];
                    tg[r * length + j] = tokens[start + j + 1];
                    wt[r * length + j] = 1f;
                }
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
