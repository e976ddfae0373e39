package org.finetunelab.grading.tasks;

/**
 * Lesson 01: scaled dot-product attention for one head, softmax(q·kᵀ/√d + mask)·v. q is (T × d), k and v are
 * (Tk × d) with one row per position. Library counterpart: {@code org.finetunelab.model.CausalSelfAttention}.
 */
public interface AttentionExercise {
    /** softmax of one row of scores: eˢ / Σ eˢ. Must not overflow for scores like 1000 (subtract the row's maximum first). */
    double[] softmax(double[] scores);

    /**
     * The attention weights (T × Tk): row i is softmax over j of q_i·k_j / √d, where d is the width of q. With
     * {@code causal}, query i sees only keys j ≤ i (T = Tk here); the hidden keys get weight 0 and each row still sums to 1.
     */
    double[][] weights(double[][] q, double[][] k, boolean causal);

    /** The output (T × d_v): the weights times v, so row i is Σ_j weight(i, j)·v_j. */
    double[][] attend(double[][] q, double[][] k, double[][] v, boolean causal);
}
