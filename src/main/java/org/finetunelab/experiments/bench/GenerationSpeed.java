package org.finetunelab.experiments.bench;

import ai.djl.Device;
import org.finetunelab.model.GenerationConfig;
import org.finetunelab.model.Generator;
import org.finetunelab.model.Gpt;
import org.finetunelab.model.GptConfig;

/**
 * Greedy generation speed with and without the KV cache. Without the cache every new token runs the whole
 * text through the model again; with it only the new token runs, reading the stored keys and values.
 *
 * <p>Cached steps run one token at a time; the generator runs them on one core (see
 * {@link org.finetunelab.model.InferenceScope}).
 *
 * <p>The context is widened (when needed) so that the prompt and all new tokens fit: once a text outgrows
 * the context, the generator has to rebuild the cache from the last window at every token, because the
 * learned positions of the kept tokens change; that would measure the window, not the cache.
 */
public final class GenerationSpeed {
    /** Prompt tokens before generation starts. */
    public static final int PROMPT_TOKENS = 16;

    /** Whole cached runs before the clock starts (see {@link #warmUp}). */
    public static final int WARMUP_RUNS = 8;

    /**
     * @param contextLength  the context used (the preset's, or wider so that everything fits)
     * @param cached         new tokens per second with the KV cache
     * @param recomputed     new tokens per second recomputing the whole text at every token
     */
    public record Result(BenchPreset preset, int newTokens, int contextLength, Stats cached, Stats recomputed) {
        /** How many times faster the cache is, by the medians. */
        public double speedup() {
            return cached.median() / recomputed.median();
        }
    }

    private GenerationSpeed() {
    }

    public static Result measure(BenchPreset preset, int newTokens, int repeats, Device device) {
        GptConfig c = preset.config();
        int context = Math.max(c.contextLength(), PROMPT_TOKENS + newTokens);
        GptConfig widened = new GptConfig(c.vocabSize(), context, c.dModel(), c.nLayers(), c.nHeads(), c.mlpRatio(),
                0f, c.tiedEmbeddings(), c.activation(), c.layerNormEps());
        int[] prompt = TrainingThroughput.randomTokens(c.vocabSize(), PROMPT_TOKENS);
        try (Gpt model = Gpt.create(widened, 5, device)) {
            Generator generator = new Generator(model);
            warmUp(generator, prompt, newTokens);
            double[] cached = new double[repeats];
            double[] recomputed = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                cached[r] = tokensPerSecond(generator, prompt, GenerationConfig.greedy(newTokens).withCache(true));
                recomputed[r] = tokensPerSecond(generator, prompt, GenerationConfig.greedy(newTokens).withCache(false));
            }
            return new Result(preset, newTokens, context, Stats.of(cached), Stats.of(recomputed));
        }
    }

    /**
     * Runs until the timed runs will find the code as every later run would. A cached token is about 160
     * small engine calls, so its speed depends on the Java code around them, which the JVM keeps compiling
     * and recompiling for the first couple of thousand tokens: measured on the base preset, the first run
     * of 256 cached tokens reached 310 tokens/s, runs 2 to 6 about 400 and later runs 440 to 480. So the
     * cached kind warms up for {@value #WARMUP_RUNS} runs; recomputing, where the engine's large products
     * dominate, needs one.
     */
    private static void warmUp(Generator generator, int[] prompt, int newTokens) {
        for (int run = 0; run < WARMUP_RUNS; run++) {
            generator.generate(prompt, GenerationConfig.greedy(newTokens).withCache(true));
        }
        generator.generate(prompt, GenerationConfig.greedy(newTokens).withCache(false));
    }

    private static double tokensPerSecond(Generator generator, int[] prompt, GenerationConfig config) {
        long t0 = System.nanoTime();
        int produced = generator.generate(prompt, config).length;
        return produced / ((System.nanoTime() - t0) / 1e9);
    }
}
