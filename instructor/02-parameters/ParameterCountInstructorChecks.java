import org.finetunelab.grading.Check;
import org.finetunelab.grading.Submitted;
import org.finetunelab.grading.checks.Expect;
import org.finetunelab.grading.checks.ParameterCountChecks;
import org.finetunelab.grading.tasks.ParameterCountExercise;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Lesson 02, counting and freezing parameters: the instructor's checks. */
@ExtendWith(Submitted.class)
public class ParameterCountInstructorChecks {

    // Mistake: 100 * trainable / total in long arithmetic, which rounds the share down to a whole percent.
    @Check(points = 1, hint = "compute the share in double: 1.05% must not become 1%")
    void theShareKeepsItsDecimals(ParameterCountExercise count) {
        Map<String, int[]> p = ParameterCountChecks.gpt(6, 64, 4096, 128);
        Set<String> lora = Set.of("h.0.attn.c_attn.bias", "h.1.attn.c_attn.bias");
        double expected = 100.0 * (2 * 192) / count.total(p);
        Expect.close(expected, count.trainablePercent(p, lora), 1e-12, "trainablePercent of two c_attn biases");
    }

    // Mistake: an off-by-one in the loop over blocks (the top frozen block left trainable, or one block too many).
    @Check(points = 2, hint = "frozenBlocks = n freezes h.0 … h.(n−1): every block when n is the number of blocks")
    void freezingEveryBlockLeavesOnlyTheFinalNorm(ParameterCountExercise count) {
        Map<String, int[]> p = ParameterCountChecks.gpt(3, 8, 50, 16);
        assertEquals(Set.of("ln_f.weight", "ln_f.bias"), count.trainableAfterFreezing(p.keySet(), 3), "trainable with all 3 blocks frozen");
        Set<String> expected = new TreeSet<>(p.keySet());
        expected.removeIf(n -> n.startsWith("wte.") || n.startsWith("wpe.") || n.startsWith("h.0."));
        assertEquals(expected, count.trainableAfterFreezing(p.keySet(), 1), "trainable with 1 of 3 blocks frozen");
    }

    // Mistake: picking names that contain "bias" anywhere instead of ending in ".bias".
    @Check(points = 1, hint = "BitFit's test is the name's ending, \".bias\"")
    void onlyNamesEndingInBias(ParameterCountExercise count) {
        Set<String> names = Set.of("h.0.attn.c_attn.bias", "h.0.attn.bias_gate.weight", "unbiased.weight", "ln_f.bias");
        assertEquals(Set.of("h.0.attn.c_attn.bias", "ln_f.bias"), count.bitFit(names), "BitFit's names");
    }
}
