import org.finetunelab.grading.Check;
import org.finetunelab.grading.Submitted;
import org.finetunelab.grading.checks.AdapterChecks;
import org.finetunelab.grading.checks.Expect;
import org.finetunelab.grading.tasks.AdapterExercise;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Lesson 04, a bottleneck adapter: the instructor's checks. */
@ExtendWith(Submitted.class)
public class AdapterInstructorChecks {

    // Mistake: counting in int, which overflows for wide models.
    @Check(points = 1, hint = "count in long: 2·d·m passes 2^31 for wide layers")
    void theCountDoesNotOverflow(AdapterExercise adapter) {
        assertEquals(2L * 100_000 * 20_000 + 20_000 + 100_000, adapter.parameterCount(100_000, 20_000), "parameterCount(100000, 20000)");
    }

    // Mistake: relu applied after the up-projection instead of in the bottleneck (the adapter then cannot lower h).
    @Check(points = 2, hint = "relu sits between down and up; the adapter's output itself may be negative")
    void theAdapterCanLowerH(AdapterExercise adapter) {
        double[][] down = {{1}, {1}};
        double[][] up = {{-1, -2}};
        AdapterExercise.Weights w = new AdapterExercise.Weights(down, new double[]{0}, up, new double[]{0, 0});
        Expect.close(new double[][]{{-1, -3}}, adapter.forward(new double[][]{{1, 1}}, w), 1e-12, "forward lowering h");
    }

    // Mistake: down's rows and columns swapped (d × m read as m × d).
    @Check(points = 1, hint = "down is (d × m): h·down sums over the d inputs for each of the m outputs")
    void randomWeightsOfUnequalSizes(AdapterExercise adapter) {
        Random rng = new Random(41);
        AdapterExercise.Weights w = new AdapterExercise.Weights(Expect.random(rng, 6, 3), Expect.random(rng, 1, 3)[0],
                Expect.random(rng, 3, 6), Expect.random(rng, 1, 6)[0]);
        double[][] h = Expect.random(rng, 4, 6);
        Expect.close(AdapterChecks.expected(h, w), adapter.forward(h, w), 1e-9, "forward with d = 6, m = 3, 4 rows");
    }
}
