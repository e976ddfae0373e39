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
    private double[] anchor;
    private double[] fisher;

    @Override
    public double[] fisherDiagonal(double[][] perExampleGradients) {
        double[] f = new double[perExampleGradients[0].length];
        for (double[] g : perExampleGradients) {
            for (int i = 0; i < f.length; i++) {
                f[i] += g[i] * g[i];   // square each example's gradient first, then average
            }
        }
        for (int i = 0; i < f.length; i++) {
            f[i] /= perExampleGradients.length;
        }
        return f;
    }

    @Override
    public void consolidate(double[] weightsAfterTaskA, double[] fisher) {
        this.anchor = weightsAfterTaskA.clone();   // copies: training goes on changing the caller's arrays
        this.fisher = fisher.clone();
    }

    @Override
    public double penalty(double[] weights, double lambda) {
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            double diff = weights[i] - anchor[i];
            sum += fisher[i] * diff * diff;
        }
        return lambda / 2 * sum;
    }

    @Override
    public double[] penaltyGradient(double[] weights, double lambda) {
        double[] gradient = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            gradient[i] = lambda * fisher[i] * (weights[i] - anchor[i]);
        }
        return gradient;
    }
}
