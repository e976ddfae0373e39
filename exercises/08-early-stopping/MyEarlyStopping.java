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
    // Your fields here: what must this object remember between calls?

    @Override
    public void configure(int patience, double minDelta) {
        throw new UnsupportedOperationException("TODO: write MyEarlyStopping.configure");
    }

    @Override
    public boolean shouldStop(double validationLoss) {
        throw new UnsupportedOperationException("TODO: write MyEarlyStopping.shouldStop");
    }

    @Override
    public int bestEvaluation() {
        throw new UnsupportedOperationException("TODO: write MyEarlyStopping.bestEvaluation");
    }
}
