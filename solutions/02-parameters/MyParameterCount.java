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
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    @Override
    public long total(Map<String, int[]> parameters) {
        long sum = 0;
        for (int[] shape : parameters.values()) {
            sum += size(shape);
        }
        return sum;
    }

    @Override
    public Set<String> trainableAfterFreezing(Set<String> names, int frozenBlocks) {
        Set<String> trainable = new TreeSet<>();
        for (String name : names) {
            if (!frozen(name, frozenBlocks)) {
                trainable.add(name);
            }
        }
        return trainable;
    }

    private static boolean frozen(String name, int frozenBlocks) {
        if (name.startsWith("wte.") || name.startsWith("wpe.")) {
            return true;
        }
        for (int b = 0; b < frozenBlocks; b++) {
            if (name.startsWith("h." + b + ".")) {   // the dot matters: "h.1" would match "h.10" too
                return true;
            }
        }
        return false;
    }

    @Override
    public Set<String> bitFit(Set<String> names) {
        Set<String> biases = new TreeSet<>();
        for (String name : names) {
            if (name.endsWith(".bias")) {
                biases.add(name);
            }
        }
        return biases;
    }

    @Override
    public double trainablePercent(Map<String, int[]> parameters, Set<String> trainable) {
        long count = 0;
        for (Map.Entry<String, int[]> p : parameters.entrySet()) {
            if (trainable.contains(p.getKey())) {
                count += size(p.getValue());
            }
        }
        return 100.0 * count / total(parameters);
    }
}
