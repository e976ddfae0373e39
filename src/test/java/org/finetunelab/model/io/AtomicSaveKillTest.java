package org.finetunelab.model.io;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Kills a process in the middle of saving, again and again, and checks the file always loads whole. */
@Tag("slow")
class AtomicSaveKillTest {
    private static final int KILLS = 6;

    @TempDir
    Path dir;

    @Test
    void killingASaveAtAnyMomentLeavesACompleteVersion() throws Exception {
        Path target = dir.resolve("model.safetensors");
        Random random = new Random(2026);
        int lastSeen = 0;
        int firstVersion = 1;
        int killedMidWrite = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            Process child = startSaveLoop(target, firstVersion);
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                        StandardCharsets.UTF_8));
                String line = out.readLine(); // wait until the child has saved once: it is now mid-loop
                assertTrue(line != null && line.startsWith("saved "), "child failed to start: " + line);
                Thread.sleep(random.nextInt(1500));
            } finally {
                child.destroyForcibly();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child did not die");
            }
            if (hasTemporaryFile(target)) {
                killedMidWrite++;
            }
            int version = loadAndCheck(target);
            assertTrue(version >= firstVersion, "version " + version + " is older than the last complete save");
            assertTrue(version > lastSeen, "the file went backwards");
            lastSeen = version;
            firstVersion = version + 1000; // the next child's versions are new values the file never held
        }
        // A half-written temporary next to the target shows that a kill really interrupted a save.
        System.out.println("kills in the middle of a save: " + killedMidWrite + " of " + KILLS);
        assertTrue(killedMidWrite > 0, "no kill landed in the middle of a save; the test proved nothing");
    }

    private static boolean hasTemporaryFile(Path target) throws IOException {
        try (var entries = Files.list(target.getParent())) {
            return entries.anyMatch(p -> p.getFileName().toString().startsWith("." + target.getFileName() + ".tmp-"));
        }
    }

    private Process startSaveLoop(Path target, int firstVersion) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Xmx512m", "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=error",
                SafeTensorsSaveLoop.class.getName(), target.toString(), Integer.toString(firstVersion));
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        return builder.start();
    }

    /** Loads the file and checks that every value belongs to the version its metadata names. */
    private static int loadAndCheck(Path target) throws IOException {
        assertTrue(Files.exists(target), "the target vanished");
        try (NDManager manager = NDManager.newBaseManager()) {
            SafeTensors.Header header = SafeTensors.readHeader(target);
            int version = Integer.parseInt(header.metadata().get("version"));
            Map<String, NDArray> tensors = SafeTensors.read(target, manager);
            assertEquals(2, tensors.size());
            for (NDArray array : tensors.values()) {
                assertEquals(SafeTensorsSaveLoop.ELEMENTS, array.getShape().size());
                assertEquals(version, array.min().getFloat(), "a tensor mixes versions");
                assertEquals(version, array.max().getFloat(), "a tensor mixes versions");
            }
            return version;
        }
    }
}
