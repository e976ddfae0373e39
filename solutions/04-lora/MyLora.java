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
        double bound = 1 / Math.sqrt(in);
        double[][] a = new double[in][rank];
        for (double[] row : a) {
            for (int j = 0; j < rank; j++) {
                row[j] = (rng.nextDouble() * 2 - 1) * bound;
            }
        }
        double[][] b = new double[rank][out];   // zeros: the adapted layer starts as the base
        return new Weights(a, b);
    }

    /** α/r, with r the number of columns of A. */
    private static double scale(double[][] a, double alpha) {
        return alpha / a[0].length;
    }

    @Override
    public double[][] forward(double[][] x, double[][] w, double[][] a, double[][] b, double alpha) {
        double s = scale(a, alpha);
        double[][] y = matmul(x, w);
        double[][] update = matmul(matmul(x, a), b);
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < y[0].length; j++) {
                y[i][j] += s * update[i][j];
            }
        }
        return y;
    }

    @Override
    public double[][] merge(double[][] w, double[][] a, double[][] b, double alpha) {
        double s = scale(a, alpha);
        double[][] merged = copy(w);
        double[][] ab = matmul(a, b);
        for (int i = 0; i < merged.length; i++) {
            for (int j = 0; j < merged[0].length; j++) {
                merged[i][j] += s * ab[i][j];
            }
        }
        return merged;
    }

    @Override
    public void sgdStep(double[][] x, double[][] w, double[][] a, double[][] b, double alpha, double[][] gradY, double lr) {
        double s = scale(a, alpha);
        double[][] h = matmul(x, a);                                       // (n × r)
        double[][] gradB = matmul(transpose(h), gradY);                    // (r × out), times s below
        double[][] gradA = matmul(transpose(x), matmul(gradY, transpose(b)));   // (in × r), from B before the step
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                a[i][j] -= lr * s * gradA[i][j];
            }
        }
        for (int i = 0; i < b.length; i++) {
            for (int j = 0; j < b[0].length; j++) {
                b[i][j] -= lr * s * gradB[i][j];
            }
        }
        // W is frozen: this step reads x, A, B and dL/dy only.
    }

    private static double[][] matmul(double[][] p, double[][] q) {
        double[][] r = new double[p.length][q[0].length];
        for (int i = 0; i < p.length; i++) {
            for (int k = 0; k < q.length; k++) {
                for (int j = 0; j < q[0].length; j++) {
                    r[i][j] += p[i][k] * q[k][j];
                }
            }
        }
        return r;
    }

    private static double[][] transpose(double[][] m) {
        double[][] t = new double[m[0].length][m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[0].length; j++) {
                t[j][i] = m[i][j];
            }
        }
        return t;
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
