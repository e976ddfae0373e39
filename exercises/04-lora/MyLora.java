import org.finetunelab.grading.tasks.LoraExercise;

import java.util.Random;

/**
 * Exercise · lesson 04 · a LoRA layer.
 *
 *   y = x·W + (α/r)·(x·A)·B          W: (in × out), frozen    A: (in × r)    B: (r × out)
 *
 * Only A and B learn: (in + out)·r numbers instead of in·out. B starts at zero, so the new layer computes exactly
 * what the base did; A starts small and random, so that B's gradient is not zero. α/r keeps the update's size the
 * same when you change the rank r (the number of columns of A). Merging folds the update into a new weight matrix,
 * W + (α/r)·A·B, for serving at no extra cost.
 *
 * What each method must do, exactly: the comments of LoraExercise (src/main/java/org/finetunelab/grading/tasks/).
 * Grade it: ./lab grade lora   (or in notebooks/exercises/Ex04-adapters-and-lora.ipynb)
 */
class MyLora implements LoraExercise {
    @Override
    public Weights init(int in, int out, int rank, Random rng) {
        throw new UnsupportedOperationException("TODO: write MyLora.init");
    }

    @Override
    public double[][] forward(double[][] x, double[][] w, double[][] a, double[][] b, double alpha) {
        throw new UnsupportedOperationException("TODO: write MyLora.forward");
    }

    @Override
    public double[][] merge(double[][] w, double[][] a, double[][] b, double alpha) {
        throw new UnsupportedOperationException("TODO: write MyLora.merge");
    }

    @Override
    public void sgdStep(double[][] x, double[][] w, double[][] a, double[][] b, double alpha, double[][] gradY, double lr) {
        throw new UnsupportedOperationException("TODO: write MyLora.sgdStep");
    }
}
