package org.finetunelab.train;

import org.finetunelab.text.InstructionExample;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PackedInstructionBatchesTest {
    private static final int PAD = 0;

    /** Example i: prompt tokens 100+i (three of them), response tokens 200+i (two), end of text 1. */
    private static List<InstructionExample> examples() {
        List<InstructionExample> out = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            out.add(new InstructionExample(Path.of("x.jsonl"), i + 1, new int[]{100 + i, 100 + i, 100 + i, 200 + i, 200 + i, 1},
                    3, false));
        }
        return out;
    }

    @Test
    void rowsHoldWholeExamplesAndOnlyResponsesCount() {
        Batch b = new PackedInstructionBatches(examples(), 4, 23, PAD, 7).batch(3);
        for (int r = 0; r < 4; r++) {
            int weighted = 0;
            for (int t = 0; t < 23; t++) {
                int at = r * 23 + t;
                if (b.weights()[at] > 0) {
                    weighted++;
                    long target = b.targets()[at];
                    assertTrue(target == 1 || target >= 200, "only response tokens and end of text count: " + target);
                    if (target >= 200) {
                        assertEquals(target % 100, b.inputs()[at] % 100, "a response token follows its own example's tokens");
                    }
                } else {
                    assertTrue(b.targets()[at] < 200 || b.targets()[at] == PAD, "a prompt or pad target carries no weight");
                }
            }
            // 24 tokens per row fit four 6-token examples: 4 x (2 response + 1 end) = 12 weighted targets
            // (the first token of a row is never a target, but it is a prompt token anyway).
            assertEquals(12, weighted, "row " + r);
        }
    }

    @Test
    void packingUsesTheRowsThatPaddingWastes() {
        List<InstructionExample> ex = examples();
        Batch packed = new PackedInstructionBatches(ex, 4, 23, PAD, 7).batch(0);
        Batch padded = new InstructionBatches(ex, 4, 23, PAD, 7).batch(0);
        assertTrue(weightSum(packed) >= 3 * weightSum(padded), weightSum(packed) + " vs " + weightSum(padded));
        assertEquals(weightSum(packed), weightSum(new PackedInstructionBatches(ex, 4, 23, PAD, 7).batch(0)), "seeded");
    }

    private static double weightSum(Batch b) {
        double s = 0;
        for (float w : b.weights()) {
            s += w;
        }
        return s;
    }
}
