package org.finetunelab.cli;

import org.finetunelab.train.StepRecord;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressBarListenerTest {
    @Test
    void withoutATerminalItPrintsOneLinePerTenthOfTheRun() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ProgressBarListener bar = new ProgressBarListener("train", false);
            bar.onStart(0, 1000);
            for (int step = 0; step < 1000; step++) {
                bar.onStep(new StepRecord(step, 2.5, Double.NaN, 1e-3, 1, 1000));
            }
            bar.onEnd(null);
        } finally {
            System.setOut(original);
        }
        String[] lines = captured.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(10, lines.length, String.join("\n", lines));
        assertTrue(lines[0].startsWith("train  10% 100/1000 ("), lines[0]);
        assertTrue(lines[9].startsWith("train 100% 1000/1000 ("), lines[9]);
        assertTrue(lines[9].contains("loss 2.500"), lines[9]);
    }
}
