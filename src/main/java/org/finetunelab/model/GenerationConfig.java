package org.finetunelab.model;

import java.util.List;

/**
 * How to pick the next tokens.
 *
 * @param maxNewTokens  stop after this many new tokens
 * @param temperature   0 = greedy (always the most likely token); higher = more surprising choices
 * @param topK          sample only among the k most likely tokens (0 = no limit)
 * @param topP          sample only among the most likely tokens whose probabilities add up to p (1 = no limit)
 * @param stopStrings   stop as soon as the generated text contains one of these (it is cut off)
 * @param seed          the same seed gives the same sampled text
 * @param useCache      reuse past keys and values (fast); false recomputes everything for every token
 */
public record GenerationConfig(int maxNewTokens, float temperature, int topK, float topP, List<String> stopStrings,
                               long seed, boolean useCache) {
    /**
     * The most new tokens one call may ask for: minutes of generation on a laptop CPU, far past the context
     * window, and a bound on the memory the token buffer takes.
     */
    public static final int MAX_NEW_TOKENS = 100_000;
    public static final String MAX_NEW_TOKENS_TEXT = "100,000";

    public GenerationConfig {
        if (maxNewTokens < 0 || maxNewTokens > MAX_NEW_TOKENS) {
            throw new IllegalArgumentException("maxNewTokens must be between 0 and " + MAX_NEW_TOKENS_TEXT + ", got "
                    + maxNewTokens);
        }
        if (!(temperature >= 0) || Float.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be >= 0 (0 = greedy), got " + temperature);
        }
        if (topK < 0) {
            throw new IllegalArgumentException("topK must be >= 0 (0 = no limit), got " + topK);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("topP must be in (0, 1], got " + topP);
        }
        stopStrings = stopStrings == null ? List.of() : List.copyOf(stopStrings);
        if (stopStrings.contains("")) {
            throw new IllegalArgumentException("a stop string is empty: every text contains it, so nothing would be generated");
        }
    }

    /** Always the most likely token: reproducible, but often repetitive. */
    public static GenerationConfig greedy(int maxNewTokens) {
        return new GenerationConfig(maxNewTokens, 0f, 0, 1f, List.of(), 0, true);
    }

    /** Sampling with settings that read well for small models. */
    public static GenerationConfig sampling(int maxNewTokens, long seed) {
        return new GenerationConfig(maxNewTokens, 0.8f, 40, 0.95f, List.of(), seed, true);
    }

    public GenerationConfig withTemperature(float t) {
        return new GenerationConfig(maxNewTokens, t, topK, topP, stopStrings, seed, useCache);
    }

    public GenerationConfig withTopK(int k) {
        return new GenerationConfig(maxNewTokens, temperature, k, topP, stopStrings, seed, useCache);
    }

    public GenerationConfig withTopP(float p) {
        return new GenerationConfig(maxNewTokens, temperature, topK, p, stopStrings, seed, useCache);
    }

    public GenerationConfig withStop(String... stops) {
        return new GenerationConfig(maxNewTokens, temperature, topK, topP, List.of(stops), seed, useCache);
    }

    public GenerationConfig withSeed(long s) {
        return new GenerationConfig(maxNewTokens, temperature, topK, topP, stopStrings, s, useCache);
    }

    public GenerationConfig withCache(boolean cache) {
        return new GenerationConfig(maxNewTokens, temperature, topK, topP, stopStrings, seed, cache);
    }
}
