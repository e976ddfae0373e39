import org.finetunelab.grading.tasks.EarlyStoppingExercise;

/**
 * Exercise · lesson 08 · early stopping.
 *
 * After each evaluation, compare the validation loss with the best so far. It improves when it is below
 * best − minDelta; then it becomes the best and the count of evaluations without improvement starts again at 0.
 * Stop when that count reaches the patience (patience 0: never stop). The trainer restores the weights of the best
 * evaluation. A NaN loss is never an improvement.
 *
 * What each method must do, exactly: the comments of EarlyStoppingExercise (src/main/java/org/finetunelab/grading/tasks/).
 * Grade it: ./lab grade early-stopping   (or in notebooks/exercises/Ex08-overfitting.ipynb)
 */
class MyEarlyStopping implements EarlyStoppingExercise {
    private int patience;
    private double minDelta;
    private double best = Double.POSITIVE_INFINITY;
    private int bestIndex = -1;
    private int evaluations;
    private int withoutImprovement;

    @Override
    public void configure(int patience, double minDelta) {
        this.patience = patience;
        this.minDelta = minDelta;
    }

    @Override
    public boolean shouldStop(double validationLoss) {
        int index = evaluations++;
        if (validationLoss < best - minDelta) {   // false for NaN
            best = validationLoss;
            bestIndex = index;
            withoutImprovement = 0;
        } else {
            withoutImprovement++;
        }
        return patience > 0 && withoutImprovement >= patience;
    }

    @Override
    public int bestEvaluation() {
        return bestIndex;
    }
}
