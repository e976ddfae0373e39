package org.finetunelab.peft;

import java.util.List;

/**
 * Settings of bottleneck adapters.
 *
 * @param bottleneck    width of the adapter's middle layer (e.g. 16 for a 192-wide model)
 * @param nonlinearity  {@code relu}, {@code gelu} or {@code tanh}
 * @param seed          seeds the down-projection
 */
public record AdapterConfig(int bottleneck, String nonlinearity, long seed) {
    public static final List<String> NONLINEARITIES = List.of("relu", "gelu", "tanh");

    public AdapterConfig {
        if (bottleneck <= 0) {
            throw new IllegalArgumentException("adapter config field 'bottleneck' = " + bottleneck
                    + " must be positive (the adapter's inner width, e.g. 16).");
        }
        if (!NONLINEARITIES.contains(nonlinearity)) {
            throw new IllegalArgumentException("adapter config field 'nonlinearity' = '" + nonlinearity
                    + "' is unknown: use one of " + NONLINEARITIES + ".");
        }
    }

    public static AdapterConfig of(int bottleneck) {
        return new AdapterConfig(bottleneck, "relu", 42);
    }

    /** The same adapters initialised from another seed. */
    public AdapterConfig withSeed(long s) {
        return new AdapterConfig(bottleneck, nonlinearity, s);
    }
}
