package org.finetunelab.train;

import ai.djl.Device;
import org.finetunelab.io.AtomicFiles;
import org.finetunelab.model.Gpt;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills a real training process again and again, at random moments (often in the middle of writing a
 * checkpoint), restarting it each time. The checkpoint must always load, never go backwards, and the
 * run pieced together from all the restarts must end with exactly the weights of an uninterrupted run.
 */
@Tag("slow")
class TrainingKillTest {
    private static final int KILLS = 5;

    @TempDir
    Path dir;

    @Test
    void killedAndRestartedTrainingEndsExactlyLikeAnUninterruptedRun() throws Exception {
        Path folder = dir.resolve("checkpoint");
        Random random = new Random(7);
        long lastStep = 0;
        int midSave = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            Process child = start(folder);
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line = out.readLine();   // the child has trained and saved at least once more
                assertTrue(line != null && line.startsWith("checkpoint "), "the child failed: " + line);
                Thread.sleep(random.nextInt(800));
            } finally {
                child.destroyForcibly();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child did not die");
            }
            midSave += interruptedSave(folder) ? 1 : 0;
            long step = savedStep(folder);
            assertTrue(step > lastStep, "the checkpoint went backwards or made no progress: " + step + " after " + lastStep);
            lastStep = step;
        }
        System.out.println("kills in the middle of a save: " + midSave + " of " + KILLS);

        // Finish the run here from the last checkpoint, and compare with one that was never interrupted.
        float[] pieced;
        try (Gpt model = Gpt.create(TrainingLoop.config(), 7, Device.cpu());
             Trainer t = Trainer.builder(model).config(TrainingLoop.trainConfig()).train(TrainingLoop.data()).noValidation().build()) {
            t.checkpointTo(folder).fit();
            pieced = model.wte().table().array().toFloatArray();
        }
        try (Gpt model = Gpt.create(TrainingLoop.config(), 7, Device.cpu());
             Trainer t = Trainer.builder(model).config(TrainingLoop.trainConfig().withCheckpointEvery(0)).train(TrainingLoop.data()).noValidation().build()) {
            t.fit();
            assertArrayEquals(model.wte().table().array().toFloatArray(), pieced);
        }
    }

    /** A temporary or ".old" folder beside the checkpoint shows a save was cut short. */
    private static boolean interruptedSave(Path folder) throws IOException {
        try (var entries = Files.list(folder.getParent())) {
            return entries.anyMatch(p -> !p.equals(folder));
        }
    }

    private static long savedStep(Path folder) throws IOException {
        assertTrue(Checkpoint.exists(folder), "no loadable checkpoint after a kill");
        Path state = AtomicFiles.resolveDirectory(folder).resolve(Checkpoint.STATE);
        String json = Files.readString(state);
        var matcher = java.util.regex.Pattern.compile("\"nextStep\":\\s*(\\d+)").matcher(json);
        assertTrue(matcher.find(), json);
        try (Gpt model = Gpt.create(TrainingLoop.config(), 7, Device.cpu());
             Trainer t = Trainer.builder(model).config(TrainingLoop.trainConfig()).train(TrainingLoop.data()).noValidation().build()) {
            Checkpoint.restore(folder, t);   // every tensor and the state must load
            assertEquals(Long.parseLong(matcher.group(1)), t.nextStep());
        }
        return Long.parseLong(matcher.group(1));
    }

    private static Process start(Path folder) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-Xmx512m",
                // The same thread count as this process: a different one sums floats in another order.
                "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=" + System.getProperty("ai.djl.pytorch.num_threads", "2"),
                "-Dai.djl.pytorch.num_interop_threads=" + System.getProperty("ai.djl.pytorch.num_interop_threads", "1"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=error",
                TrainingLoop.class.getName(), folder.toString());
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        return builder.start();
    }
}
