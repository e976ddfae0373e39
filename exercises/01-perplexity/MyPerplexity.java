import org.finetunelab.grading.tasks.PerplexityExercise;

import java.util.List;

/**
 * Exercise · lesson 01 · perplexity from log-probabilities.
 *
 *   log p(target) = logit[target] − log Σ_v exp(logit[v])          (log-softmax, natural log)
 *   perplexity    = exp(−mean over tokens of log p(target))
 *
 * A model that spreads its bet evenly over N tokens scores N; lower is better. For several texts, pool all their
 * tokens before taking the mean.
 *
 * What each method must do, exactly: the comments of PerplexityExercise (src/main/java/org/finetunelab/grading/tasks/).
 * Grade it: ./lab grade perplexity   (or in notebooks/exercises/Ex01-base-model.ipynb)
 */
class MyPerplexity implements PerplexityExercise {
    @Override
    public double[] tokenLogProbs(double[][] logits, int[] targets) {
        throw new UnsupportedOperationException("TODO: write MyPerplexity.tokenLogProbs");
    }

    @Override
    public double perplexity(double[] logProbs) {
        throw new UnsupportedOperationException("TODO: write MyPerplexity.perplexity");
    }

    @Override
    public double corpusPerplexity(List<double[]> logProbsPerText) {
        throw new UnsupportedOperationException("TODO: write MyPerplexity.corpusPerplexity");
    }
}
