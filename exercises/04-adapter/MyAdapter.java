import org.finetunelab.grading.tasks.AdapterExercise;

import java.util.Random;

/**
 * Exercise · lesson 04 · a bottleneck adapter.
 *
 *   out = h + (relu(h·down + downBias)·up + upBias)      down: (d × m)   up: (m × d)   m ≪ d
 *
 * The adapter squeezes each hidden vector to m numbers, lets relu compute something new, brings it back to width d
 * and adds it to h (the residual). up starts at zero, so a new adapter adds nothing and the model starts as the base.
 *
 * What each method must do, exactly: the comments of AdapterExercise (src/main/java/org/finetunelab/grading/tasks/).
 * Grade it: ./lab grade adapter   (or in notebooks/exercises/Ex04-adapters-and-lora.ipynb)
 */
class MyAdapter implements AdapterExercise {
    @Override
    public Weights init(int width, int bottleneck, Random rng) {
        throw new UnsupportedOperationException("TODO: write MyAdapter.init");
    }

    @Override
    public double[][] forward(double[][] h, Weights w) {
        throw new UnsupportedOperationException("TODO: write MyAdapter.forward");
    }

    @Override
    public long parameterCount(int width, int bottleneck) {
        throw new UnsupportedOperationException("TODO: write MyAdapter.parameterCount");
    }
}
