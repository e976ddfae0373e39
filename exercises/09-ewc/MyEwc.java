import org.finetunelab.grading.tasks.EwcExercise;

/**
 * Exercise · lesson 09 · the EWC penalty against forgetting.
 *
 *   F_i     = mean over task A's examples of (∂loss/∂θ_i)²       how much weight i mattered to task A
 *   penalty = λ/2 · Σ_i F_i · (θ_i − θ*_i)²                        θ*: the weights right after task A
 *   ∂penalty/∂θ_i = λ · F_i · (θ_i − θ*_i)
 *
 * Weights that mattered for A are pulled back to their old values; the others are free to learn task B. Training
 * changes the weight array in place, so keep a copy of θ* (and of F).
 *
 * What each method must do, exactly: the comments of EwcExercise (src/main/java/org/finetunelab/grading/tasks/).
 * Grade it: ./lab grade ewc   (or in notebooks/exercises/Ex09-forgetting.ipynb)
 */
class MyEwc implements EwcExercise {
    // Your fields here: what must this object remember between calls?

    @Override
    public double[] fisherDiagonal(double[][] perExampleGradients) {
        throw new UnsupportedOperationException("TODO: write MyEwc.fisherDiagonal");
    }

    @Override
    public void consolidate(double[] weightsAfterTaskA, double[] fisher) {
        throw new UnsupportedOperationException("TODO: write MyEwc.consolidate");
    }

    @Override
    public double penalty(double[] weights, double lambda) {
        throw new UnsupportedOperationException("TODO: write MyEwc.penalty");
    }

    @Override
    public double[] penaltyGradient(double[] weights, double lambda) {
        throw new UnsupportedOperationException("TODO: write MyEwc.penaltyGradient");
    }
}
