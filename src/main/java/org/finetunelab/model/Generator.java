package org.finetunelab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.Arrays;
import java.util.function.IntConsumer;
import java.util.function.Predicate;

/**
 * Autoregressive generation on token ids: predict a token, append it, repeat. With the KV cache only the
 * new token is run through the model at each step; without it the whole text is recomputed. Both give the
 * same tokens (a test checks it); the cache is just faster.
 *
 * <p>When the text outgrows the context window, the model sees only the last {@code contextLength}
 * tokens (and the cache is rebuilt from them).
 *
 * <p>This is generation on ids, the engine under {@link LanguageModel#generate}, which adds what needs text:
 * the end-of-text token, stop strings, streaming of whole characters. Generate text through that one method.
 *
 * <p>Generation runs in an {@link InferenceScope}: no gradients are recorded, and single-token steps use
 * one core.
 */
public final class Generator {
    private final Gpt model;

    public Generator(Gpt model) {
        this.model = model;
    }

    /**
     * @param prompt  the ids to continue (at least one)
     * @param stopId  an id that ends generation (e.g. end of text), or -1
     * @param stop    checked after every token with the ids generated so far; true stops. Required when
     *                {@code config} has stop strings (they are text: {@link LanguageModel#generate} checks them)
     * @param onToken receives each new id as it is chosen (for streaming output), may be null
     * @return the new ids (without the prompt, without the stop id)
     */
    public int[] generate(int[] prompt, GenerationConfig config, int stopId, Predicate<int[]> stop, IntConsumer onToken) {
        if (prompt.length == 0) {
            throw new IllegalArgumentException("the prompt is empty: generation needs at least one token to continue "
                    + "(start with the end-of-text token to generate from nothing).");
        }
        if (stop == null && !config.stopStrings().isEmpty()) {
            throw new IllegalArgumentException("stop strings " + config.stopStrings() + " are text, and Generator works "
                    + "on token ids: generate with LanguageModel.generate(prompt, config), which stops at them.");
        }
        int window = model.config().contextLength() - model.promptLength();
        Sampler sampler = new Sampler(config);
        int[] text = Arrays.copyOf(prompt, prompt.length + config.maxNewTokens());   // prompt, then new ids
        int length = prompt.length;
        try (InferenceScope engine = InferenceScope.enter(model.device()); NDManager scope = model.newScope();
             KvCache cache = config.useCache() ? model.newCache() : null) {
            KvCache active = cache;
            for (int i = 0; i < config.maxNewTokens(); i++) {
                int next;
                try (NDManager step = scope.newSubManager()) {
                    Forward f = new Forward(step, false);
                    int from;
                    if (active != null && active.length() > 0 && active.length() + 1 <= window) {
                        from = length - 1;                              // only the newest token
                    } else {
                        if (active != null && active.length() > 0) {
                            active.close();                             // window full: rebuild from the last tokens
                            active = model.newCache();
                        }
                        from = Math.max(0, length - window);
                    }
                    engine.singleToken(length - from == 1);
                    long[] input = new long[length - from];
                    for (int j = 0; j < input.length; j++) {
                        input[j] = text[from + j];
                    }
                    NDArray ids = step.create(input, new Shape(1, input.length));
                    NDArray hidden = model.hidden(f, ids, active);
                    NDArray last = input.length == 1 ? hidden : hidden.get(":, -1:, :");
                    next = sampler.next(model.logits(f, last).toFloatArray());
                }
                if (next == stopId) {
                    break;
                }
                text[length++] = next;
                if (onToken != null) {
                    onToken.accept(next);
                }
                if (stop != null && stop.test(Arrays.copyOfRange(text, prompt.length, length))) {
                    break;
                }
            }
            if (active != null && active != cache) {
                active.close();
            }
        }
        return Arrays.copyOfRange(text, prompt.length, length);
    }

    public int[] generate(int[] prompt, GenerationConfig config) {
        return generate(prompt, config, -1, null, null);
    }
}
