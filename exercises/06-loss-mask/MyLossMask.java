import org.finetunelab.grading.tasks.LossMaskExercise;

/**
 * Exercise · lesson 06 · the instruction loss mask.
 *
 * tokens = prompt + response + end of text. Position t reads tokens[t] and predicts tokens[t + 1]; it counts in the
 * loss (weight 1) only when tokens[t + 1] is part of the response, so the model learns to answer, not to repeat
 * questions. Positions after the example's end are padding: padId in, padId out, weight 0.
 *
 * What each method must do, exactly: the comments of LossMaskExercise (src/main/java/org/finetunelab/grading/tasks/).
 * Grade it: ./lab grade loss-mask   (or in notebooks/exercises/Ex06-instruction-tuning.ipynb)
 */
class MyLossMask implements LossMaskExercise {
    @Override
    public Row row(int[] tokens, int promptLength, int length, int padId) {
        throw new UnsupportedOperationException("TODO: write MyLossMask.row");
    }

    @Override
    public double maskedMean(double[] tokenLosses, double[] weights) {
        throw new UnsupportedOperationException("TODO: write MyLossMask.maskedMean");
    }
}
