package org.finetunelab.peft;

import java.util.List;

/**
 * Settings of prompt tuning.
 *
 * @param virtualTokens number of learned vectors put in front of every input
 * @param init          {@code random} (normal, at the scale of the token embeddings), {@code vocabulary}
 *                      (copies of randomly chosen token embeddings) or {@code text} (the embeddings of
 *                      {@code textIds}, repeated if the text is shorter than the prompt)
 * @param textIds       token ids of an initialising text such as "Classify the sentiment:", for {@code text}
 * @param seed          seeds the random choices
 */
public record PromptConfig(int virtualTokens, String init, List<Integer> textIds, long seed) {
    public static final List<String> INITS = List.of("random", "vocabulary", "text");

    public PromptConfig {
        if (virtualTokens <= 0) {
            throw new IllegalArgumentException("prompt config field 'virtualTokens' = " + virtualTokens
                    + " must be positive (e.g. 8).");
        }
        if (!INITS.contains(init)) {
            throw new IllegalArgumentException("prompt config field 'init' = '" + init + "' is unknown: use one of "
                    + INITS + ".");
        }
        textIds = textIds == null ? List.of() : List.copyOf(textIds);
        if (init.equals("text") && textIds.isEmpty()) {
            throw new IllegalArgumentException("prompt config field 'textIds' is empty but init is 'text': pass the "
                    + "token ids of the initialising text.");
        }
    }

    public static PromptConfig random(int virtualTokens) {
        return new PromptConfig(virtualTokens, "random", List.of(), 42);
    }

    public static PromptConfig fromVocabulary(int virtualTokens) {
        return new PromptConfig(virtualTokens, "vocabulary", List.of(), 42);
    }

    /** One virtual token per id of the text (e.g. {@code tokenizer.encode("Answer briefly:")}). */
    public static PromptConfig fromText(int[] ids) {
        return fromText(ids.length, ids);
    }

    public static PromptConfig fromText(int virtualTokens, int[] ids) {
        return new PromptConfig(virtualTokens, "text", java.util.Arrays.stream(ids).boxed().toList(), 42);
    }

    /** The same prompt initialised from another seed. */
    public PromptConfig withSeed(long s) {
        return new PromptConfig(virtualTokens, init, textIds, s);
    }
}
