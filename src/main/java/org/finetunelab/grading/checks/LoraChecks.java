package org.finetunelab.grading.checks;

import org.finetunelab.grading.Check;
import org.finetunelab.grading.Submitted;
import org.finetunelab.grading.tasks.LoraExercise;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Lesson 04: a LoRA layer. */
@ExtendWith(Submitted.class)
public class LoraChecks {
    static final double[][] X = {{1, 2, 0}, {0, -1, 1}};
    static final double[][] W = {{0.5, -1}, {1, 0}, {0, 2}};
    static final double[][] A = {{1, 0}, {0, 1}, {1, 1}};
    static final double[][] B = {{0.5, 0}, {0, -0.5}};

    /** x·W + (α/r)·x·A·B written out. */
    static double[][] expectedForward(double[][] x, double[][] w, double[][] a, double[][] b, double alpha) {
        double s = alpha / a[0].length;
        double[][] y = Expect.matmul(x, w);
        double[][] u = Expect.matmul(Expect.matmul(x, a), b);
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < y[0].length; j++) {
                y[i][j] += s * u[i][j];
            }
        }
        return y;
    }

    // Mistake: B initialised randomly like A, so the "adapted" model does not start as the base model.
    @Check(points = 2, hint = "B starts as all zeros (r × out), so x·A·B = 0 and the layer starts exactly as the base")
    void startsBAtZero(LoraExercise lora) {
        LoraExercise.Weights w = lora.init(6, 5, 3, new Random(7));
        Expect.shape(3, 5, w.b(), "B of init(in 6, out 5, rank 3)");
        for (double[] row : w.b()) {
            for (double v : row) {
                if (v != 0) {
                    fail("B of a new layer must be all zeros, found " + Expect.fmt(v));
                }
            }
        }
    }

    // Mistake: A left at zero too; then both gradients are zero and nothing ever learns.
    @Check(points = 1, hint = "A is small and random (uniform in ±1/√in); if A and B were both zero nothing could learn")
    void drawsASmallAndRandom(LoraExercise lora) {
        LoraExercise.Weights w = lora.init(16, 5, 4, new Random(7));
        Expect.shape(16, 4, w.a(), "A of init(in 16, out 5, rank 4)");
        double bound = 1 / Math.sqrt(16);
        boolean nonZero = false;
        for (double[] row : w.a()) {
            for (double v : row) {
                assertTrue(Math.abs(v) <= bound, "A's values must lie within ±1/√in = ±" + bound + ", found " + Expect.fmt(v));
                nonZero |= v != 0;
            }
        }
        assertTrue(nonZero, "A of a new layer is all zeros: then B's gradient is zero too and the layer never learns");
    }

    // Mistake: a new layer that already changes the output (B not zero, or the update added twice).
    @Check(points = 1, hint = "a new layer computes x·W: the update (α/r)·x·A·B is zero while B is zero")
    void aNewLayerComputesTheBase(LoraExercise lora) {
        LoraExercise.Weights w = lora.init(3, 2, 2, new Random(3));
        Expect.close(Expect.matmul(X, W), lora.forward(X, W, w.a(), w.b(), 16), 1e-9, "forward of a new layer");
    }

    // Mistakes: the update not scaled at all, or scaled by α instead of α/r.
    @Check(points = 2, hint = "scale the update by alpha / r, r = the number of columns of A")
    void scalesTheUpdateByAlphaOverRank(LoraExercise lora) {
        // r = 2 and α = 16: the update counts 8 times.
        Expect.close(expectedForward(X, W, A, B, 16), lora.forward(X, W, A, B, 16), 1e-9, "forward with α = 16, r = 2");
    }

    // Mistake: merging without the α/r scale, so the merged layer computes something else than the adapted one.
    @Check(points = 1, hint = "merged W' = W + (α/r)·A·B, so that x·W' equals forward(x)")
    void mergedWeightsComputeTheSame(LoraExercise lora) {
        double[][] merged = lora.merge(W, A, B, 16);
        Expect.close(expectedForward(X, W, A, B, 16), Expect.matmul(X, merged), 1e-9, "x · merge(W, A, B)");
    }

    // Mistake: merging into W in place, which destroys the base weights (no unmerge, no second adapter).
    @Check(points = 1, hint = "merge returns a new matrix; W itself (and forward's inputs) must stay as they were")
    void mergeLeavesTheBaseAlone(LoraExercise lora) {
        double[][] w = Expect.copy(W);
        lora.merge(w, A, B, 16);
        lora.forward(X, w, A, B, 16);
        Expect.close(W, w, 0, "W after merge and forward");
    }

    // Mistake: the training step updates W too; LoRA's point is that the base weights stay frozen.
    @Check(points = 2, hint = "sgdStep changes A and B only: W is frozen")
    void aTrainingStepNeverTouchesW(LoraExercise lora) {
        double[][] w = Expect.copy(W);
        double[][] a = Expect.copy(A);
        double[][] b = Expect.copy(B);
        double[][] gradY = {{1, -1}, {0.5, 2}};
        lora.sgdStep(X, w, a, b, 16, gradY, 0.1);
        Expect.close(W, w, 0, "W after sgdStep");
        assertTrue(!Expect.same(a, A) || !Expect.same(b, B), "sgdStep changed neither A nor B");
    }
}
