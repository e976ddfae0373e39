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
        Integer[] order = new Integer[probs.length];
        for (int i = 0; i < probs.length; i++) {
            order[i] = i;
        }
        // A stable sort keeps equal probabilities in id order.
        Arrays.sort(order, Comparator.comparingDouble((Integer id) -> probs[id]).reversed());
        int size = order.length;
        if (p < 1) {
            double sum = 0;
            size = 0;
            while (size < order.length) {
                sum += probs[order[size]];
                size++;
                if (sum >= p) {
                    break;   // this token reached p: it is the last one kept
                }
            }
        }
        int[] kept = new int[size];
        for (int i = 0; i < size; i++) {
            kept[i] = order[i];
        }
        return kept;
    }

    @Override
    public int sample(double[] probs, double p, double u) {
        int[] nucleus = nucleus(probs, p);
        double total = 0;
        for (int id : nucleus) {
            total += probs[id];
        }
        double running = 0;
        for (int id : nucleus) {
            running += probs[id] / total;   // renormalised: the nucleus's probabilities sum to 1
            if (running > u) {
                return id;
            }
        }
        return nucleus[nucleus.length - 1];   // u a hair below 1 and rounding
    }
}
