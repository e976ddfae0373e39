package org.finetunelab.grading.tasks;

/**
 * Lesson 07: the DPO loss for (chosen, rejected) pairs. Arguments are summed log-probabilities of whole answers,
 * under the policy being trained and under the frozen reference model:
 * <pre>
 *   margin = β · [(log π(chosen) − log π_ref(chosen)) − (log π(rejected) − log π_ref(rejected))]
 *   loss   = −log σ(margin) = log(1 + e^(−margin))
 * </pre>
 * Library counterparts: {@code org.finetunelab.train.Dpo} and {@code PairwiseLoss}.
 */
public interface DpoExercise {
    /** The β-scaled margin of one pair. */
    double margin(double policyChosen, double policyRejected, double refChosen, double refRejected, double beta);

    /** −log σ(margin) of one pair; finite for margins like ±1000 (compute it as max(−m, 0) + log(1 + e^−|m|)). */
    double loss(double policyChosen, double policyRejected, double refChosen, double refRejected, double beta);

    /** The mean loss over pairs i (the arrays are parallel, one entry per pair). */
    double meanLoss(double[] policyChosen, double[] policyRejected, double[] refChosen, double[] refRejected, double beta);
}
