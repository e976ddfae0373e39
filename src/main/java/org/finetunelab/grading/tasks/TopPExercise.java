package org.finetunelab.grading.tasks;

/**
 * Lesson 01: top-p (nucleus) sampling. Keep the smallest set of most likely tokens whose probabilities add up to at
 * least p, renormalise, sample from them. Library counterpart: {@code org.finetunelab.model.Sampler}.
 */
public interface TopPExercise {
    /**
     * The nucleus: token ids sorted from most to least likely (equal probabilities: the lower id first), cut after the
     * first token at which the running sum reaches p (sum ≥ p). {@code probs} sums to 1; p is in (0, 1]; with p = 1
     * every token is kept, even if rounding leaves the sum a hair below 1.
     */
    int[] nucleus(double[] probs, double p);

    /**
     * One draw from the renormalised nucleus, made repeatable by passing the random number: walk the nucleus in
     * order and return the first id at which the running sum of renormalised probabilities exceeds u, u in [0, 1).
     */
    int sample(double[] probs, double p, double u);
}
