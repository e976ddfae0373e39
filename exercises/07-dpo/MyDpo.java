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
        throw new UnsupportedOperationException("TODO: write MyDpo.margin");
    }

    @Override
    public double loss(double policyChosen, double policyRejected, double refChosen, double refRejected, double beta) {
        throw new UnsupportedOperationException("TODO: write MyDpo.loss");
    }

    @Override
    public double meanLoss(double[] policyChosen, double[] policyRejected, double[] refChosen, double[] refRejected, double beta) {
        throw new UnsupportedOperationException("TODO: write MyDpo.meanLoss");
    }
}
