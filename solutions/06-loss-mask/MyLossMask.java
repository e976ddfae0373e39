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
        int[] inputs = new int[length];
        int[] targets = new int[length];
        double[] weights = new double[length];
        for (int t = 0; t < length; t++) {
            boolean real = t + 1 < tokens.length;   // there is a token t + 1 to predict
            inputs[t] = real ? tokens[t] : padId;
            targets[t] = real ? tokens[t + 1] : padId;
            weights[t] = real && t + 1 >= promptLength ? 1 : 0;   // the predicted token belongs to the response
        }
        return new Row(inputs, targets, weights);
    }

    @Override
    public double maskedMean(double[] tokenLosses, double[] weights) {
        double sum = 0;
        double count = 0;
        for (int i = 0; i < tokenLosses.length; i++) {
            sum += weights[i] * tokenLosses[i];
            count += weights[i];
        }
        return count == 0 ? 0 : sum / count;
    }
}
