package org.finetunelab.train;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.finetunelab.model.Gpt;
import org.finetunelab.model.GptConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every tensor a training step creates must be freed by the end of the step. */
class MemoryTest {

    static int liveArrays(NDManager m) {
        int n = m.getManagedArrays().size();
        return n;
    }

    @Test
    void trainingStepsLeaveNoTensorsBehind() {
        TokenWindows data = TokenWindows.builder(TrainerTest.patternStream(3000)).batchSize(4).windowLength(16).seed(1).build();
        List<Batch> val = data.sequential(2);
        try (Gpt model = Gpt.create(TrainerTest.config(0.1f), 1, Device.cpu());
             Trainer t = Trainer.builder(model).config(TrainConfig.defaults(30).withEvaluation(5, 2)).train(data).validation(val).build()) {
            List<Integer> counts = new ArrayList<>();
            t.addListener(new TrainingListener() {
                @Override
                public void onStep(StepRecord r) {
                    counts.add(liveArrays(model.manager()));
                }
            });
            t.fit();
            // After the first step the optimizer state exists; from then on the count never changes.
            for (int i = 1; i < counts.size(); i++) {
                assertEquals(counts.get(1), counts.get(i), "live tensors after step " + i + ": " + counts);
            }
        }
    }

    /**
     * Resident memory outside the Java heap in kB: the process's resident memory (from /proc, Linux) minus the heap
     * the JVM has committed. The heap grows and shrinks with whatever ran before in the same test JVM; tensors live
     * outside it, so a leak of native memory shows here and a larger Java heap does not.
     */
    static long nativeResidentKb() throws IOException {
        long heapKb = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() / 1024;
        long rss = residentKb();
        System.out.printf("resident %,d kB, Java heap committed %,d kB%n", rss, heapKb);
        return rss - heapKb;
    }

    /** Resident memory of this process in kB, from /proc (Linux). */
    static long residentKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }

    @Test
    @Tag("slow")
    void thousandStepsDoNotGrowNativeMemory() throws IOException {
        TokenWindows data = TokenWindows.builder(TrainerTest.patternStream(5000)).batchSize(8).windowLength(16).seed(1).build();
        GptConfig c = new GptConfig(TrainerTest.VOCAB, 16, 64, 2, 2, 4, 0.1f, true, "gelu", 1e-5f);
        long[] rss = new long[2];
        try (Gpt model = Gpt.create(c, 1, Device.cpu());
             Trainer t = Trainer.builder(model).config(TrainConfig.defaults(1000)).train(data).noValidation().build()) {
            t.addListener(new TrainingListener() {
                @Override
                public void onStep(StepRecord r) {
                    try {
                        if (r.step() == 99) {
                            System.gc();
                            rss[0] = nativeResidentKb();
                        } else if (r.step() == 999) {
                            System.gc();
                            rss[1] = nativeResidentKb();
                        }
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            });
            t.fit();
        }
        long growthKb = rss[1] - rss[0];
        System.out.printf("resident memory outside the Java heap after 100 steps %,d kB, after 1000 steps %,d kB (growth %,d kB)%n",
                rss[0], rss[1], growthKb);
        assertTrue(growthKb < 40_000, "resident memory outside the Java heap grew by " + growthKb
                + " kB between steps 100 and 1000");
    }
}
