package org.finetunelab.cli;

import org.finetunelab.eval.Perplexity;
import org.finetunelab.model.LanguageModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The commands that use a model, on a small random model with a real tokenizer made for the test. */
class ModelCommandsTest {
    @TempDir
    static Path dir;
    static Path model;

    @BeforeAll
    static void makeModel() throws Exception {
        model = TinyModel.create(dir);
    }

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void generateContinuesThePromptReproducibly() {
        CliRun a = run("generate", "--model", model.toString(), "-n", "12", "--seed", "5", "The cat");
        CliRun b = run("generate", "--model", model.toString(), "-n", "12", "--seed", "5", "The cat");
        assertEquals(0, a.exitCode(), a.err());
        assertTrue(a.out().startsWith("The cat"), a.out());
        assertTrue(a.out().length() > "The cat\n".length(), "something was generated: " + a.out());
        assertEquals(a.out(), b.out());
        CliRun greedyCached = run("generate", "--model", model.toString(), "-n", "12", "-t", "0", "The cat");
        CliRun greedyPlain = run("generate", "--model", model.toString(), "-n", "12", "-t", "0", "--no-cache", "The cat");
        assertEquals(greedyCached.out(), greedyPlain.out());
    }

    @Test
    void generateStopsAtAStopString() throws Exception {
        try (LanguageModel lm = LanguageModel.load(model)) {
            String free = lm.generate("The cat", org.finetunelab.model.GenerationConfig.greedy(15));
            String stop = free.substring(free.length() / 2, free.length() / 2 + 1);
            CliRun r = run("generate", "--model", model.toString(), "-n", "15", "-t", "0", "--stop", stop, "The cat");
            String printed = r.out().substring("The cat".length()).stripTrailing();
            assertFalse(printed.contains(stop), "stop string '" + stop + "' printed in: " + printed);
            assertEquals(free.substring(0, free.indexOf(stop)).stripTrailing(), printed);
        }
    }

    @Test
    void scoreListsEveryTokenAndAgreesWithPerplexity() throws Exception {
        String text = "The cat sat on the mat.";
        CliRun r = run("score", "--model", model.toString(), text);
        assertEquals(0, r.exitCode(), r.err());
        String[] lines = r.out().strip().split("\n");
        try (LanguageModel lm = LanguageModel.load(model)) {
            int tokens = lm.tokenizer().encode(text).length;
            assertEquals(tokens + 2, lines.length, r.out());   // header + one line per token + summary
            double expected = Perplexity.of(lm, text).loss();
            assertTrue(lines[lines.length - 1].startsWith(String.format("mean loss %.6f", expected)), r.out());
        }
    }

    /** A Hugging Face GPT-2 folder works wherever a model folder does, with the same numbers. */
    @Test
    void aHuggingFaceGpt2FolderIsAModelFolderToo() throws Exception {
        Path exported = dir.resolve("hf-gpt2");
        try (LanguageModel lm = LanguageModel.load(model)) {
            org.finetunelab.model.Gpt2Checkpoint.export(lm.model(), model.resolve("tokenizer.json"), exported);
        }
        assertTrue(Files.readString(exported.resolve("config.json")).contains("\"model_type\""));
        CliRun lab = run("score", "--model", model.toString(), "The cat sat.");
        CliRun hf = run("score", "--model", exported.toString(), "The cat sat.");
        assertEquals(0, hf.exitCode(), hf.err());
        assertEquals(lab.out(), hf.out());
        assertEquals(run("generate", "-m", model.toString(), "-n", "8", "-t", "0", "The cat").out(),
                run("generate", "-m", exported.toString(), "-n", "8", "-t", "0", "The cat").out());
    }

    @Test
    void tokenizerShowsThePieces() {
        CliRun r = run("tokenizer", "--show", "The cat", "--tokenizer", model.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("[The]") && r.out().contains("[ cat]"), r.out());
    }

    @Test
    void aMissingModelIsOneLineWithTheCause() {
        CliRun r = run("generate", "--model", dir.resolve("nothing").toString(), "hello");
        assertEquals(1, r.exitCode());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("nothing"), r.err());
    }

    @Test
    void badFileGivesTheFileName() throws Exception {
        Path broken = dir.resolve("broken");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("config.json"), "{ not json");
        Files.copy(model.resolve("tokenizer.json"), broken.resolve("tokenizer.json"));
        CliRun r = run("score", "--model", broken.toString(), "hi");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("config.json"), r.err());
    }
}
