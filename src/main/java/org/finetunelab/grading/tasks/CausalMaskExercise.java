package org.finetunelab.grading.tasks;

/**
 * Lesson 01: the causal mask. Attention scores get this mask added before the softmax: 0 where query i may look at
 * key j, a very large negative number where it may not, so that the softmax gives those keys zero weight. Library
 * counterpart: {@code org.finetunelab.model.CausalMask}.
 */
public interface CausalMaskExercise {
    /** Any value at or below this counts as hidden (the library uses −10⁹; {@code Double.NEGATIVE_INFINITY} works too). */
    double HIDDEN_AT_MOST = -1e9;

    /** The (t × t) mask: 0 where key j is at or before query i (j ≤ i), hidden (≤ −10⁹) where j is later. */
    double[][] mask(int t);

    /**
     * The mask for {@code t} new queries after {@code past} positions already in the KV cache: (t × (past + t)).
     * Query row i is position {@code past + i}; it may see keys 0 … past + i.
     */
    double[][] maskWithCache(int t, int past);
}
