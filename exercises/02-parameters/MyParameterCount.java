import org.finetunelab.grading.tasks.ParameterCountExercise;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Exercise · lesson 02 · counting and freezing parameters.
 *
 * A parameter of shape [768, 2304] holds 768 × 2304 numbers; a scalar (shape []) holds one. Freezing the embeddings
 * ("wte.", "wpe.") and the bottom blocks ("h.0.", "h.1.", …) leaves the rest trainable; BitFit trains only the
 * biases (names ending ".bias"). Real models have billions of numbers: count in long.
 *
 * What each method must do, exactly: the comments of ParameterCountExercise (src/main/java/org/finetunelab/grading/tasks/).
 * Grade it: ./lab grade parameters   (or in notebooks/exercises/Ex02-fine-tuning-methods.ipynb)
 */
class MyParameterCount implements ParameterCountExercise {
    @Override
    public long size(int[] shape) {
        throw new UnsupportedOperationException("TODO: write MyParameterCount.size");
    }

    @Override
    public long total(Map<String, int[]> parameters) {
        throw new UnsupportedOperationException("TODO: write MyParameterCount.total");
    }

    @Override
    public Set<String> trainableAfterFreezing(Set<String> names, int frozenBlocks) {
        throw new UnsupportedOperationException("TODO: write MyParameterCount.trainableAfterFreezing");
    }

    @Override
    public Set<String> bitFit(Set<String> names) {
        throw new UnsupportedOperationException("TODO: write MyParameterCount.bitFit");
    }

    @Override
    public double trainablePercent(Map<String, int[]> parameters, Set<String> trainable) {
        throw new UnsupportedOperationException("TODO: write MyParameterCount.trainablePercent");
    }
}
