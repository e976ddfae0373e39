package org.finetunelab.grading.tasks;

/**
 * Lesson 09: elastic weight consolidation against forgetting. After task A, remember its weights θ* and how much
 * each weight mattered to it (the diagonal of the Fisher information, F). While training task B, add the penalty
 * <pre>  λ/2 · Σᵢ Fᵢ·(θᵢ − θ*ᵢ)²</pre>
 * so that weights important for A stay near their old values and unimportant ones are free.
 */
public interface EwcExercise {
    /** F from task A's per-example gradients (examples × weights): the mean over examples of the squared gradient. */
    double[] fisherDiagonal(double[][] perExampleGradients);

    /**
     * Remembers the anchor θ* (the weights after task A) and F. The caller keeps training the same arrays in place
     * afterwards, so keep copies.
     */
    void consolidate(double[] weightsAfterTaskA, double[] fisher);

    /** λ/2 · Σᵢ Fᵢ·(θᵢ − θ*ᵢ)² for the current weights θ. */
    double penalty(double[] weights, double lambda);

    /** The gradient of the penalty with respect to θ: λ·Fᵢ·(θᵢ − θ*ᵢ). */
    double[] penaltyGradient(double[] weights, double lambda);
}
