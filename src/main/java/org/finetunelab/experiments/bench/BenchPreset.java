package org.finetunelab.experiments.bench;

import org.finetunelab.model.GptConfig;

import java.util.List;

/**
 * One model shape to measure, with the batch it trains on.
 *
 * @param name      short name used in the report
 * @param config    the model's shape
 * @param batchSize sequences per training step (each as long as the context)
 */
public record BenchPreset(String name, GptConfig config, int batchSize) {
    /** The vocabulary of the shipped base model's tokenizer. */
    public static final int VOCAB = 4096;

    /** The shipped base model's shape: d 192, 6 layers, 6 heads, context 128. */
    public static BenchPreset baseCpu() {
        return new BenchPreset("base-cpu", GptConfig.baseCpu(VOCAB), 16);
    }

    /** A model of about 1.9M parameters: d 160, 4 layers, 5 heads, context 128. */
    public static BenchPreset small() {
        return new BenchPreset("small-2m", new GptConfig(VOCAB, 128, 160, 4, 5, 4, 0f, true, "gelu", 1e-5f), 16);
    }

    /** The GPU base model: d 384, 8 layers, 8 heads, context 256. */
    public static BenchPreset baseGpu() {
        return new BenchPreset("base-gpu", GptConfig.baseGpu(VOCAB), 32);
    }

    /** A model of a few thousand parameters, for checking that the benchmark itself works. */
    public static BenchPreset tiny() {
        return new BenchPreset("tiny", GptConfig.tiny(64), 2);
    }

    public static List<BenchPreset> cpuPresets() {
        return List.of(baseCpu(), small());
    }

    public static List<BenchPreset> gpuPresets() {
        return List.of(baseGpu(), baseCpu());
    }

    /** Tokens one training step reads. */
    public long tokensPerStep() {
        return (long) batchSize * config.contextLength();
    }
}
