package org.finetunelab.eval;

import org.finetunelab.model.Gpt;
import org.finetunelab.train.LanguageModelLoss;
import org.finetunelab.train.TokenWindows;

/**
 * Perplexity = exp(mean token loss): how many equally likely next tokens the model is, on average, torn
 * between. A uniform guess over a 4,096-token vocabulary scores 4,096; lower is better.
 */
public final class Perplexity {
    private Perplexity() {
    }

    /** @param loss mean loss in nats per token, and its perplexity */
    public record Result(double loss, double perplexity, long tokens) {
    }

    /**
     * Scores consecutive, non-overlapping context-sized windows of the token stream (up to maxWindows); a
     * prompt-tuned model's windows leave room for its virtual tokens.
     */
    public static Result of(Gpt model, int[] tokens, int maxWindows) {
        return of(model, tokens, maxWindows, model.config().contextLength() - model.promptLength());
    }

    /** The same with windows of {@code length} tokens: figures compared across models use one length. */
    public static Result of(Gpt model, int[] tokens, int maxWindows, int length) {
        TokenWindows windows = TokenWindows.builder(tokens).batchSize(16).windowLength(length).build();
        var batches = windows.sequential(Math.max(1, (maxWindows + 15) / 16));
        double loss = LanguageModelLoss.evaluate(model, batches);
        long counted = batches.stream().mapToLong(b -> (long) b.rows() * b.length()).sum();
        return new Result(loss, Math.exp(loss), counted);
    }

    /**
     * Perplexity of one text (up to the context length), with the end-of-text token in front so that the
     * first word is predicted too.
     */
    public static Result of(org.finetunelab.model.LanguageModel lm, String text) {
        float[] logp = textLogProbs(lm, lm.tokenizer().encode(text));
        double loss = 0;
        for (float v : logp) {
            loss -= v;
        }
        loss /= logp.length;
        return new Result(loss, Math.exp(loss), logp.length);
    }

    /**
     * log p(token | end-of-text + the tokens before it) for each token of a text: the numbers behind a
     * text's perplexity, and what {@code finetune score} lists.
     */
    public static float[] textLogProbs(org.finetunelab.model.LanguageModel lm, int[] ids) {
        int window = lm.model().config().contextLength();
        if (ids.length == 0) {
            throw new IllegalArgumentException("the text is empty: there is no token to score");
        }
        if (ids.length > window) {
            throw new IllegalArgumentException("the text has " + ids.length + " tokens; scoring one text needs at most "
                    + window + " (the model's context): shorten it");
        }
        long[] in = new long[ids.length];
        long[] tg = new long[ids.length];
        float[] w = new float[ids.length];
        in[0] = lm.tokenizer().endOfTextId();
        for (int i = 0; i < ids.length; i++) {
            if (i > 0) {
                in[i] = ids[i - 1];
            }
            tg[i] = ids[i];
            w[i] = 1;
        }
        return LanguageModelLoss.tokenLogProbs(lm.model(), new org.finetunelab.train.Batch(1, ids.length, in, tg, w));
    }
}
