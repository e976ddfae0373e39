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
        double bound = 1 / Math.sqrt(width);
        double[][] down = new double[width][bottleneck];
        for (double[] row : down) {
            for (int k = 0; k < bottleneck; k++) {
                row[k] = (rng.nextDouble() * 2 - 1) * bound;
            }
        }
        double[][] up = new double[bottleneck][width];   // zeros: the new adapter is the identity
        return new Weights(down, new double[bottleneck], up, new double[width]);
    }

    @Override
    public double[][] forward(double[][] h, Weights w) {
        int d = h[0].length;
        int m = w.downBias().length;
        double[][] out = new double[h.length][d];
        for (int n = 0; n < h.length; n++) {
            double[] middle = new double[m];
            for (int k = 0; k < m; k++) {
                double sum = w.downBias()[k];
                for (int i = 0; i < d; i++) {
                    sum += h[n][i] * w.down()[i][k];
                }
                middle[k] = Math.max(0, sum);   // relu: the nonlinearity that lets the adapter compute something new
            }
            for (int j = 0; j < d; j++) {
                double sum = w.upBias()[j];
                for (int k = 0; k < m; k++) {
                    sum += middle[k] * w.up()[k][j];
                }
                out[n][j] = h[n][j] + sum;   // the residual: the adapter adds to h
            }
        }
        return out;
    }

    @Override
    public long parameterCount(int width, int bottleneck) {
        return 2L * width * bottleneck + bottleneck + width;
    }
}
