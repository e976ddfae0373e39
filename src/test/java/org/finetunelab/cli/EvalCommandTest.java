package org.finetunelab.cli;

import org.finetunelab.experiments.ModelCard;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code finetune eval} on a fresh machine: no corpus yet, and it still reproduces the model card. */
@Tag("slow")
class EvalCommandTest {
    @TempDir
    Path cache;

    @Test
    void evalBuildsTheHeldOutTextOnFirstUseAndReproducesTheModelCard() throws Exception {
        ModelCard card = ModelCard.read(Path.of("data/models/base"));
        CliRun first = CliRun.of("eval", "--cache", cache.toString());
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().contains("building the held-out text once"), first.out());
        assertTrue(Files.isRegularFile(cache.resolve("corpus/valid.txt")), "corpus built where corpus/pretrain keep it");
        assertTrue(first.out().contains(String.format("knowledge probe: %.1f%% of %d facts", 100 * card.probeAccuracy(),
                card.probeFacts())), first.out());
        var ppl = java.util.regex.Pattern.compile("perplexity (\\d+\\.\\d+)").matcher(first.out());
        assertTrue(ppl.find(), first.out());
        // The card's figure within 1%: another processor or math-library path may round differently.
        assertEquals(card.heldOutPerplexity(), Double.parseDouble(ppl.group(1)), 0.01 * card.heldOutPerplexity());
        assertFalse(first.out().matches("(?s).*\\d\\.\\d{6,}.*"), "no unrounded figures: " + first.out());

        CliRun corpus = CliRun.of("corpus", "--cache", cache.toString());
        assertEquals(0, corpus.exitCode(), corpus.err());
        assertTrue(corpus.out().contains("(already up to date)"), "corpus and eval use one location: " + corpus.out());
    }
}
