package org.finetunelab.peft;

/**
 * Settings of prefix tuning.
 *
 * @param prefixLength  learned key/value positions in front of every layer's attention
 * @param projection    train the prefixes through a small MLP (more stable training); {@link PrefixTuning#fold()}
 *                      turns them into plain prefixes afterwards
 * @param embeddingDim  width of the MLP's input vectors (one per prefix position), when {@code projection}
 * @param hiddenDim     width of the MLP's hidden layer, when {@code projection}
 * @param seed          seeds the initial values
 */
public record PrefixConfig(int prefixLength, boolean projection, int embeddingDim, int hiddenDim, long seed) {
    public PrefixConfig {
        if (prefixLength <= 0) {
            throw new IllegalArgumentException("prefix config field 'prefixLength' = " + prefixLength
                    + " must be positive (e.g. 8).");
        }
        if (projection && embeddingDim <= 0) {
            throw new IllegalArgumentException("prefix config field 'embeddingDim' = " + embeddingDim
                    + " must be positive when projection is on.");
        }
        if (projection && hiddenDim <= 0) {
            throw new IllegalArgumentException("prefix config field 'hiddenDim' = " + hiddenDim
                    + " must be positive when projection is on.");
        }
    }

    /** Plain learned prefixes. */
    public static PrefixConfig of(int prefixLength) {
        return new PrefixConfig(prefixLength, false, 0, 0, 42);
    }

    /** Prefixes produced by an MLP from {@code embeddingDim}-wide vectors through a {@code hiddenDim} layer. */
    public static PrefixConfig withProjection(int prefixLength, int embeddingDim, int hiddenDim) {
        return new PrefixConfig(prefixLength, true, embeddingDim, hiddenDim, 42);
    }

    /** The same prefixes initialised from another seed. */
    public PrefixConfig withSeed(long s) {
        return new PrefixConfig(prefixLength, projection, embeddingDim, hiddenDim, s);
    }
}
