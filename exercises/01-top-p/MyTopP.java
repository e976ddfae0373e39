import org.finetunelab.grading.tasks.TopPExercise;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Exercise · lesson 01 · top-p (nucleus) sampling.
 *
 * Sort the tokens from most to least likely (equal probabilities: lower id first) and keep them until their
 * probabilities add up to at least p: the token that reaches p is kept, the ones after it are not. p = 1 keeps every
 * token. To sample, renormalise the kept probabilities so they sum to 1 and walk them in order until the running
 * sum exceeds the random number u.
 *
 * What each method must do, exactly: the comments of TopPExercise (src/main/java/org/finetunelab/grading/tasks/).
 * Grade it: ./lab grade top-p   (or in notebooks/exercises/Ex01-base-model.ipynb)
 */
class MyTopP implements TopPExercise {
    @Override
    public int[] nucleus(double[] probs, double p) {
        throw new UnsupportedOperationException("TODO: write MyTopP.nucleus");
    }

    @Override
    public int sample(double[] probs, double p, double u) {
        throw new UnsupportedOperationException("TODO: write MyTopP.sample");
    }
}
