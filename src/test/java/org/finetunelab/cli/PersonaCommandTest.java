package org.finetunelab.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** finetune persona train (the lab's personas and a student's own file), then chat --persona with the result. */
@Tag("slow")
class PersonaCommandTest {
    @TempDir
    Path dir;

    @Test
    void ownDataTrainsMeasuresSavesAndChats() throws Exception {
        StringBuilder jsonl = new StringBuilder();
        String[] animals = {"cat", "dog", "horse", "goat", "sheep", "duck", "hen", "pig", "cow", "fox", "owl", "bee"};
        for (String a : animals) {
            jsonl.append("{\"instruction\": \"Tell me about the ").append(a).append(".\", \"response\": \"Arr, matey, the ")
                    .append(a).append(" be a fine beast on any ship, arr!\"}\n");
        }
        Path data = Files.writeString(dir.resolve("pirate.jsonl"), jsonl.toString());
        Path out = dir.resolve("personas");
        CliRun train = CliRun.of("persona", "train", "--data", data.toString(), "--name", "pirate", "--steps", "3", "--out",
                out.toString());
        assertEquals(0, train.exitCode(), train.err() + train.out());
        assertTrue(train.out().contains("style words") && train.out().contains("length") && train.out().contains("tuned"), train.out());
        assertTrue(train.out().contains("chat with it: ./lab finetune chat --persona pirate --adapters " + out), train.out());
        assertTrue(Files.isRegularFile(out.resolve("pirate/persona.json")));
        assertFalse(Files.exists(out.resolve("pirate.checkpoint")), "the checkpoint goes once the adapter is saved");

        CliRun chat = CliRun.of("chat", "--persona", "pirate", "--adapters", out.toString(), "--prompt", "Tell me about the rat.",
                "-n", "5");
        assertEquals(0, chat.exitCode(), chat.err());
        assertFalse(chat.out().isBlank());

        CliRun again = CliRun.of("persona", "train", "--data", data.toString(), "--name", "pirate", "--out", out.toString());
        assertEquals(1, again.exitCode());
        assertTrue(again.err().contains("--replace") && again.err().contains("nothing was overwritten"), again.err());
    }

    @Test
    void aLabPersonaIsMeasuredWithItsOwnChecks() {
        Path out = dir.resolve("personas");
        CliRun train = CliRun.of("persona", "train", "--persona", "museum-guide", "--steps", "2", "--held-out", "2", "--out",
                out.toString());
        assertEquals(0, train.exitCode(), train.err() + train.out());
        assertTrue(train.out().contains("fact correct") && train.out().contains("joke") && train.out().contains("base"), train.out());
        assertTrue(Files.isRegularFile(out.resolve("museum-guide/method.safetensors")));
    }
}
