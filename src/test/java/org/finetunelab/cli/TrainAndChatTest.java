package org.finetunelab.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** finetune train on a user's own files (text, instruct, dpo), then chat with the result. */
class TrainAndChatTest {
    @TempDir
    static Path dir;
    static Path model;
    static Path instructions;

    @BeforeAll
    static void fixtures() throws Exception {
        model = TinyModel.create(dir);
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            jsonl.append("{\"instruction\": \"cat ").append(i).append("\", \"response\": \"The cat\"}\n");
        }
        instructions = Files.writeString(dir.resolve("instructions.jsonl"), jsonl.toString());
    }

    @Test
    void instructionTuningWritesAnAdapterThatChatUses() throws Exception {
        Path out = dir.resolve("cat-lora");
        CliRun train = CliRun.of("train", "-m", model.toString(), "--task", "instruct", "--method", "lora",
                "--data", instructions.toString(), "--steps", "40", "--batch-size", "4", "--out", out.toString());
        assertEquals(0, train.exitCode(), train.err() + train.out());
        assertTrue(Files.isRegularFile(out.resolve("method.json")) && Files.isRegularFile(out.resolve("training.json")));
        assertTrue(Files.readString(out.resolve("training.json")).contains("\"template\": \"chat\""));
        assertFalse(Files.exists(TrainCommand.checkpointFolder(out)), "the checkpoint goes once the run is saved");

        CliRun chat = CliRun.of("chat", "-m", model.toString(), "--adapter", out.toString(), "--prompt", "cat 3");
        assertEquals(0, chat.exitCode(), chat.err());
        assertTrue(chat.out().strip().startsWith("The cat"), "the tuned answer: " + chat.out());

        CliRun again = CliRun.of("train", "-m", model.toString(), "--data", instructions.toString(), "--steps", "2",
                "--out", out.toString());
        assertEquals(1, again.exitCode());
        assertTrue(again.err().contains("already exists") && again.err().contains("nothing was overwritten"), again.err());
    }

    @Test
    void aStoppedRunContinuesFromItsCheckpointToTheSameAdapter() throws Exception {
        String[] common = {"train", "-m", model.toString(), "--task", "instruct", "--method", "lora", "--data",
                instructions.toString(), "--steps", "600", "--batch-size", "4"};
        Path whole = dir.resolve("resume-whole");
        assertEquals(0, CliRun.of(concat(common, "--out", whole.toString())).exitCode());

        // The same command, stopped as a notebook's stop button or Ctrl+C would: an interrupt once a checkpoint exists.
        Path parts = dir.resolve("resume-parts");
        String[] args = concat(common, "--out", parts.toString());
        CliRun[] first = new CliRun[1];
        Thread run = new Thread(() -> first[0] = CliRun.of(args));
        run.start();
        Path checkpoint = TrainCommand.checkpointFolder(parts);
        while (run.isAlive() && !Files.isDirectory(checkpoint)) {
            Thread.sleep(1);
        }
        run.interrupt();
        run.join();
        assertEquals(1, first[0].exitCode(), "stopped part-way: " + first[0].out() + first[0].err());
        assertTrue(first[0].out().contains("run the same command again to continue"), first[0].out() + " / " + first[0].err());
        assertFalse(Files.exists(parts.resolve("method.json")), "nothing is saved before the run ends");

        CliRun second = CliRun.of(args);
        assertEquals(0, second.exitCode(), second.err());
        try (var files = Files.list(whole)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".safetensors")).toList()) {
                assertTrue(java.util.Arrays.equals(Files.readAllBytes(f), Files.readAllBytes(parts.resolve(f.getFileName()))),
                        f.getFileName() + " differs between the whole run and the stopped-and-continued one");
            }
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void fullFineTuningOnTextWritesAModelFolder() throws Exception {
        Path text = Files.writeString(dir.resolve("cats.txt"), "The cat sat on the mat.\n".repeat(30));
        Path out = dir.resolve("cat-full");
        CliRun train = CliRun.of("train", "-m", model.toString(), "--task", "text", "--method", "full",
                "--data", text.toString(), "--steps", "4", "--batch-size", "2", "--out", out.toString());
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(Files.isRegularFile(out.resolve("model.safetensors")) && Files.isRegularFile(out.resolve("tokenizer.json")));
        CliRun generate = CliRun.of("generate", "-m", out.toString(), "-n", "3", "The");
        assertEquals(0, generate.exitCode(), generate.err());
    }

    @Test
    void dpoTrainsOnPreferencePairs() throws Exception {
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            jsonl.append("{\"instruction\": \"Say cat ").append(i).append(".\", \"chosen\": \"The cat\", \"rejected\": \"Bread\"}\n");
        }
        Path pairs = Files.writeString(dir.resolve("pairs.jsonl"), jsonl.toString());
        Path out = dir.resolve("cat-dpo");
        CliRun train = CliRun.of("train", "-m", model.toString(), "--task", "dpo", "--method", "lora", "--data",
                pairs.toString(), "--steps", "3", "--batch-size", "4", "--out", out.toString());
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(Files.readString(out.resolve("training.json")).contains("\"task\": \"dpo\""));
    }

    @Test
    void badFilesGetTheirLineAndField() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.jsonl"), "{\"instruction\": \"hi\", \"response\": \"yo\"}\n{\"instruction\": \"no answer\"}\n");
        CliRun r = CliRun.of("train", "-m", model.toString(), "--data", broken.toString(), "--steps", "2", "--out",
                dir.resolve("never").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("line 2") && r.err().contains("response"), r.err());
        assertFalse(Files.exists(dir.resolve("never")));

        Path longOne = Files.writeString(dir.resolve("long.jsonl"), "{\"instruction\": \"" + "cat ".repeat(40)
                + "\", \"response\": \"yo\"}\n");
        CliRun tooLong = CliRun.of("train", "-m", model.toString(), "--data", longOne.toString(), "--steps", "2", "--out",
                dir.resolve("never").toString());
        assertEquals(1, tooLong.exitCode());
        assertTrue(tooLong.err().contains("line 1") && tooLong.err().contains("--over-length truncate"), tooLong.err());
    }
}
