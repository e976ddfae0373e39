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

    /** Scores consecutive, non-overlapping context-sized windows of the token stream (up to maxWindows). */
    public static Result of(Gpt model, int[] tokens, int maxWindows) {
        int length = model.config().contextLength();
        TokenWindows windows = new TokenWindows(tokens, 16, length, 0);
        var batches = windows.sequential(Math.max(1, (maxWindows + 15) / 16));
        double loss = LanguageModelLoss.evaluate(model, batches);
        long counted = batches.stream().mapToLong(b -> (long) b.rows() * b.length()).sum();
        return new Result(loss, Math.exp(loss), counted);
    }
}
