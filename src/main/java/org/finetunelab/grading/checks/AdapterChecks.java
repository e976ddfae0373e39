package org.finetunelab.grading.checks;

import org.finetunelab.grading.Check;
import org.finetunelab.grading.Submitted;
import org.finetunelab.grading.tasks.AdapterExercise;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Lesson 04: a bottleneck adapter. */
@ExtendWith(Submitted.class)
public class AdapterChecks {
    static final double[][] H = {{1, -2, 0.5}, {0, 1, -1}};

    /** h + relu(h·down + bd)·up + bu written out. */
    public static double[][] expected(double[][] h, AdapterExercise.Weights w) {
        double[][] middle = Expect.matmul(h, w.down());
        for (double[] row : middle) {
            for (int k = 0; k < row.length; k++) {
                row[k] = Math.max(0, row[k] + w.downBias()[k]);
            }
        }
        double[][] out = Expect.matmul(middle, w.up());
        for (int n = 0; n < out.length; n++) {
            for (int j = 0; j < out[0].length; j++) {
                out[n][j] += h[n][j] + w.upBias()[j];
            }
        }
        return out;
    }

    static AdapterExercise.Weights sample() {
        double[][] down = {{1, -1}, {0, 1}, {1, 0}};
        double[][] up = {{1, 0, -1}, {0.5, 2, 0}};
        return new AdapterExercise.Weights(down, new double[]{0, 0}, up, new double[]{0, 0, 0});
    }

    // Mistakes: up drawn randomly (the model does not start as the base), or the residual missing (a new adapter
    // wipes h out).
    @Check(points = 2, hint = "a new adapter is the identity: up starts at zero and the output is h + adapter(h)")
    void aNewAdapterIsTheIdentity(AdapterExercise adapter) {
        AdapterExercise.Weights w = adapter.init(3, 2, new Random(5));
        Expect.close(H, adapter.forward(H, w), 1e-12, "forward of a new adapter");
    }

    // Mistake: down left at zero as well, so relu(0) = 0 and up's gradient is zero: nothing learns.
    @Check(points = 1, hint = "init: down (d × m) small random within ±1/√d, both biases and up zero")
    void startsDownRandomAndTheRestAtZero(AdapterExercise adapter) {
        AdapterExercise.Weights w = adapter.init(16, 4, new Random(5));
        Expect.shape(16, 4, w.down(), "down of init(16, 4)");
        Expect.shape(4, 16, w.up(), "up of init(16, 4)");
        assertEquals(4, w.downBias().length, "length of downBias");
        assertEquals(16, w.upBias().length, "length of upBias");
        boolean nonZero = false;
        for (double[] row : w.down()) {
            for (double v : row) {
                assertTrue(Math.abs(v) <= 0.25, "down's values must lie within ±1/√16 = ±0.25, found " + Expect.fmt(v));
                nonZero |= v != 0;
            }
        }
        assertTrue(nonZero, "down is all zeros: then nothing reaches up and the adapter never learns");
        for (double[] row : w.up()) {
            for (double v : row) {
                if (v != 0) {
                    fail("up must start at zero, found " + Expect.fmt(v));
                }
            }
        }
    }

    // Mistake: the residual missing, so the layer's input is replaced instead of adjusted.
    @Check(points = 2, hint = "add the adapter's output to h: out = h + up(relu(down(h)))")
    void addsTheAdapterToH(AdapterExercise adapter) {
        double[][] h = {{0, 2, 1}};   // both bottleneck values are positive here (1 and 2): relu changes nothing
        Expect.close(expected(h, sample()), adapter.forward(h, sample()), 1e-9, "forward of [0, 2, 1]");
    }

    // Mistake: no nonlinearity, so down and up together are just one more linear map.
    @Check(points = 2, hint = "apply relu (max(0, x)) to the bottleneck, between down and up")
    void appliesReluInTheBottleneck(AdapterExercise adapter) {
        Expect.close(expected(H, sample()), adapter.forward(H, sample()), 1e-9, "forward with negative bottleneck values");
    }

    // Mistake: a bias forgotten (downBias before the relu, upBias after up).
    @Check(points = 1, hint = "downBias is added before the relu, upBias after the up-projection")
    void usesBothBiases(AdapterExercise adapter) {
        AdapterExercise.Weights s = sample();
        AdapterExercise.Weights w = new AdapterExercise.Weights(s.down(), new double[]{0.5, -3}, s.up(), new double[]{1, 0, -2});
        Expect.close(expected(H, w), adapter.forward(H, w), 1e-9, "forward with biases");
    }

    // Mistake: only the two matrices counted; the biases train too.
    @Check(points = 1, hint = "count down (d·m), up (m·d) and both biases (m + d)")
    void countsBothMatricesAndBothBiases(AdapterExercise adapter) {
        assertEquals(2L * 768 * 64 + 64 + 768, adapter.parameterCount(768, 64), "parameterCount(768, 64)");
    }

    // Mistake: writing the output into h, so the caller's hidden states change under it.
    @Check(points = 1, hint = "return a new array; h must not change")
    void leavesTheInputUnchanged(AdapterExercise adapter) {
        double[][] h = Expect.copy(H);
        adapter.forward(h, sample());
        Expect.close(H, h, 0, "h after forward");
    }
}
