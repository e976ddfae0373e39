import org.finetunelab.grading.tasks.DpoExercise;

/**
 * Exercise · lesson 07 · the DPO loss.
 *
 *   margin = β · [(log π(chosen) − log π_ref(chosen)) − (log π(rejected) − log π_ref(rejected))]
 *   loss   = −log σ(margin) = log(1 + e^(−margin))
 *
 * The loss falls when the policy raises the chosen answer, relative to the frozen reference model, more than the
 * rejected one. β sets how far the policy may drift from the reference. For large |margin|, compute the loss as
 * max(−m, 0) + log(1 + e^(−|m|)) so that e^x never overflows.
 *
 * What each method must do, exactly: the comments of DpoExercise (src/main/java/org/finetunelab/grading/tasks/).
 * Grade it: ./lab grade dpo   (or in notebooks/exercises/Ex07-preferences.ipynb)
 */
class MyDpo implements DpoExercise {
    @Override
    public double margin(double policyChosen, double policyRejected, double refChosen, double refRejected, double beta) {
        return beta * ((policyChosen - refChosen) - (policyRejected - refRejected));
    }

    @Override
    public double loss(double policyChosen, double policyRejected, double refChosen, double refRejected, double beta) {
        double m = margin(policyChosen, policyRejected, refChosen, refRejected, beta);
        return Math.max(-m, 0) + Math.log1p(Math.exp(-Math.abs(m)));
    }

    @Override
    public double meanLoss(double[] policyChosen, double[] policyRejected, double[] refChosen, double[] refRejected, double beta) {
        double sum = 0;
        for (int i = 0; i < policyChosen.length; i++) {
            sum += loss(policyChosen[i], policyRejected[i], refChosen[i], refRejected[i], beta);
        }
        return sum / policyChosen.length;
    }
}
