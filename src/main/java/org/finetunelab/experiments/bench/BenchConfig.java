package org.finetunelab.experiments.bench;

import java.util.List;

/**
 * How long and what to measure.
 *
 * @param mode             "quick", "full" or a custom name; printed in the report
 * @param presets          model shapes to train
 * @param warmupSteps      training steps run before the clock starts (memory pools, caches, JIT)
 * @param timedSteps       training steps timed in one run
 * @param repeats          runs per measurement; the report gives min/median/max over them
 * @param matmulSize       n of the n×n·n×n product that measures the matmul peak
 * @param generationTokens new tokens per generation run
 * @param loraRank         rank of LoRA on the attention's q, k, v projection
 * @param python           also time the same models in PyTorch from Python
 */
public record BenchConfig(String mode, List<BenchPreset> presets, int warmupSteps, int timedSteps, int repeats,
                          int matmulSize, int generationTokens, int loraRank, boolean python) {

    public BenchConfig {
        if (presets == null || presets.isEmpty()) {
            throw new IllegalArgumentException("bench config field 'presets' is empty: name at least one model shape.");
        }
        presets = List.copyOf(presets);
        if (warmupSteps < 0 || timedSteps < 1 || repeats < 1 || matmulSize < 1 || generationTokens < 1 || loraRank < 1) {
            throw new IllegalArgumentException("bench config: warmupSteps must be >= 0 and timedSteps, repeats, matmulSize, "
                    + "generationTokens, loraRank >= 1, got " + this);
        }
    }

    /** A few minutes on 2 cores: enough to see every figure, with some noise. */
    public static BenchConfig quick(List<BenchPreset> presets) {
        return new BenchConfig("quick", presets, 3, 8, 3, 1024, 256, 8, true);
    }

    /** Longer runs and more repeats, for the figures that go into the report. */
    public static BenchConfig full(List<BenchPreset> presets) {
        return new BenchConfig("full", presets, 5, 30, 5, 2048, 256, 8, true);
    }

    public BenchConfig withPython(boolean on) {
        return new BenchConfig(mode, presets, warmupSteps, timedSteps, repeats, matmulSize, generationTokens, loraRank, on);
    }

    /** Warm-up plus timed steps of one run. */
    public int stepsPerRun() {
        return warmupSteps + timedSteps;
    }
}
