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
        double[] logProbs = new double[targets.length];
        for (int t = 0; t < targets.length; t++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double z : logits[t]) {
                max = Math.max(max, z);
            }
            double sum = 0;
            for (double z : logits[t]) {
                sum += Math.exp(z - max);   // at most 1 per term: no overflow
            }
            double logSumExp = max + Math.log(sum);
            logProbs[t] = logits[t][targets[t]] - logSumExp;
        }
        return logProbs;
    }

    @Override
    public double perplexity(double[] logProbs) {
        double mean = 0;
        for (double lp : logProbs) {
            mean += lp;
        }
        mean /= logProbs.length;
        return Math.exp(-mean);
    }

    @Override
    public double corpusPerplexity(List<double[]> logProbsPerText) {
        double sum = 0;
        long tokens = 0;
        for (double[] text : logProbsPerText) {
            for (double lp : text) {
                sum += lp;
            }
            tokens += text.length;   // every token counts once, whichever text it is in
        }
        return Math.exp(-sum / tokens);
    }
}
