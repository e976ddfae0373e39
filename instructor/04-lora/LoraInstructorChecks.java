import org.finetunelab.grading.Check;
import org.finetunelab.grading.Submitted;
import org.finetunelab.grading.checks.Expect;
import org.finetunelab.grading.tasks.LoraExercise;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lesson 04, a LoRA layer: the instructor's checks. */
@ExtendWith(Submitted.class)
public class LoraInstructorChecks {

    static double[][] transpose(double[][] m) {
        double[][] t = new double[m[0].length][m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[0].length; j++) {
                t[j][i] = m[i][j];
            }
        }
        return t;
    }

    /** a − c·b, elementwise. */
    static double[][] minus(double[][] a, double c, double[][] b) {
        double[][] r = Expect.copy(a);
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                r[i][j] -= c * b[i][j];
            }
        }
        return r;
    }

    // Mistakes: the gradients without the α/r scale, or B updated first and then used for A's gradient.
    @Check(points = 2, hint = "both gradients carry the scale α/r, and both use A and B from before the step")
    void aStepFollowsTheGradient(LoraExercise lora) {
        Random rng = new Random(31);
        double[][] x = Expect.random(rng, 3, 4);
        double[][] w = Expect.random(rng, 4, 5);
        double[][] a = Expect.random(rng, 4, 2);
        double[][] b = Expect.random(rng, 2, 5);
        double[][] g = Expect.random(rng, 3, 5);
        double s = 8.0 / 2;
        double[][] gradB = Expect.matmul(transpose(Expect.matmul(x, a)), g);
        double[][] gradA = Expect.matmul(transpose(x), Expect.matmul(g, transpose(b)));
        double[][] expectedA = minus(a, 0.01 * s, gradA);
        double[][] expectedB = minus(b, 0.01 * s, gradB);
        lora.sgdStep(x, w, a, b, 8, g, 0.01);
        Expect.close(expectedA, a, 1e-9, "A after one step");
        Expect.close(expectedB, b, 1e-9, "B after one step");
    }

    // Mistakes: a step that goes up the gradient, or weights that cannot learn (A and B both zero).
    @Check(points = 2, hint = "steps go against the gradient (−lr·grad); from init, B must move at the first step")
    void trainingFitsATarget(LoraExercise lora) {
        Random rng = new Random(32);
        double[][] x = Expect.random(rng, 8, 6);
        double[][] w = Expect.random(rng, 6, 4);
        double[][] wCopy = Expect.copy(w);
        LoraExercise.Weights start = lora.init(6, 4, 2, new Random(33));
        double[][] a = start.a();
        double[][] b = start.b();
        double[][] target = Expect.matmul(x, w);
        target[0][0] += 1;
        target[3][2] -= 1;
        double first = 0;
        double last = 0;
        for (int step = 0; step < 60; step++) {
            double[][] y = lora.forward(x, w, a, b, 2);
            double[][] g = new double[8][4];
            double loss = 0;
            for (int i = 0; i < 8; i++) {
                for (int j = 0; j < 4; j++) {
                    g[i][j] = (y[i][j] - target[i][j]) / 8;
                    loss += (y[i][j] - target[i][j]) * (y[i][j] - target[i][j]) / 16;
                }
            }
            if (step == 0) {
                first = loss;
            }
            last = loss;
            lora.sgdStep(x, w, a, b, 2, g, 0.5);
        }
        assertTrue(last < 0.8 * first, "60 steps of fitting took the loss from " + Expect.fmt(first) + " to " + Expect.fmt(last)
                + ": it should fall by more than 20%");
        Expect.close(wCopy, w, 0, "W after training");
    }

    // Mistake: α/r computed in integer arithmetic or with the wrong r (rows of B read as r is fine; out is not).
    @Check(points = 1, hint = "r is the rank: the number of columns of A; α/r with α = 3, r = 2 is 1.5")
    void aFractionalScale(LoraExercise lora) {
        double[][] x = {{1, 1}};
        double[][] w = {{0, 0, 0}, {0, 0, 0}};
        double[][] a = {{1, 0}, {0, 1}};
        double[][] b = {{1, 0, 0}, {0, 1, 0}};
        Expect.close(new double[][]{{1.5, 1.5, 0}}, lora.forward(x, w, a, b, 3), 1e-12, "forward with α = 3, r = 2, out = 3");
    }
}
