package org.finetunelab.grading.tasks;

import java.util.List;

/**
 * Lesson 01: perplexity from log-probabilities. perplexity = exp(−mean log p(token)), natural logarithms. A model that
 * always spreads its bet evenly over N tokens scores exactly N. Library counterpart: {@code org.finetunelab.eval.Perplexity}.
 */
public interface PerplexityExercise {
    /**
     * log p(target_t) at each position t, from raw logits (T × V): the log-softmax of row t at column targets[t].
     * Must stay finite for logits like 1000 (log-sum-exp with the row's maximum subtracted).
     */
    double[] tokenLogProbs(double[][] logits, int[] targets);

    /** exp(−mean of the log-probabilities). */
    double perplexity(double[] logProbs);

    /**
     * The perplexity of several texts scored together: every token counts once, so a long text weighs more than a
     * short one. It is not the mean of the texts' own perplexities.
     */
    double corpusPerplexity(List<double[]> logProbsPerText);
}
