package org.finetunelab.train;

import org.finetunelab.text.PromptTemplate;
import org.finetunelab.text.Tokenizer;
import org.finetunelab.text.PreferenceExample;

import java.util.ArrayList;
import java.util.List;

/**
 * Preference pairs as batches for a reward model or DPO: a batch of {@code n} pairs has {@code 2n} rows, the
 * chosen answers first and then the rejected ones in the same order, so row {@code i} and row {@code n + i} answer
 * the same instruction. Weights mark the answer's tokens and its end-of-text (the prompt counts for nothing), as
 * in instruction tuning. Batch {@code i} is a seeded draw of pairs, like every batch source.
 */
public final class PairBatches extends ExampleBatches {
    /** One pair as tokens: prompt + answer + end of text, for each answer. */
    public record Encoded(int[] chosen, int[] rejected, int promptLength) {
    }

    private final List<Encoded> pairs;
    private final int padId;

    public PairBatches(List<Encoded> pairs, int pairsPerBatch, int length, int padId, long seed) {
        super(pairs.size(), pairsPerBatch, length, seed);
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("pair batches need at least one pair");
        }
        this.pairs = List.copyOf(pairs);
        this.padId = padId;
    }

    /**
     * Encodes pairs with {@code template}; an answer too long for {@code contextLength} is cut (its end of text
     * then falls off, which only ever happens to rambling or repeating rejected answers).
     */
    public static List<Encoded> encode(List<PreferenceExample> pairs, Tokenizer tokenizer, PromptTemplate template,
                                       int contextLength) {
        List<Encoded> out = new ArrayList<>();
        for (PreferenceExample p : pairs) {
            int[] prompt = tokenizer.encode(template.render(p.instruction(), null, "").prompt());
            out.add(new Encoded(join(prompt, tokenizer.encode(p.chosen()), tokenizer.endOfTextId(), contextLength),
                    join(prompt, tokenizer.encode(p.rejected()), tokenizer.endOfTextId(), contextLength), prompt.length));
        }
        return out;
    }

    private static int[] join(int[] prompt, int[] answer, int end, int max) {
        int n = Math.min(max, prompt.length + answer.length + 1);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i < prompt.length ? prompt[i] : i - prompt.length < answer.length ? answer[i - prompt.length] : end;
        }
        return out;
    }

    /** The longest sequence of any pair, minus one: the row length that fits every pair. */
    public static int lengthFor(List<Encoded> pairs) {
        return pairs.stream().mapToInt(p -> Math.max(p.chosen().length, p.rejected().length)).max().orElse(2) - 1;
    }

    @Override
    protected Batch rowsOf(int[] rows) {
        int length = sequenceLength();
        int n = rows.length;
        long[] in = new long[2 * n * length];
        long[] target = new long[2 * n * length];
        float[] weight = new float[2 * n * length];
        for (int r = 0; r < n; r++) {
            Encoded p = pairs.get(rows[r]);
            InstructionBatches.fillRow(p.chosen(), p.promptLength(), r, length, padId, in, target, weight);
            InstructionBatches.fillRow(p.rejected(), p.promptLength(), n + r, length, padId, in, target, weight);
        }
        return new Batch(2 * n, length, in, target, weight);
    }
}
