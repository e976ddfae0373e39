package org.finetunelab.text;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lab's real workload: train a 4096-token vocabulary on a 3 MB sample of a 20 MB corpus, then encode
 * the whole corpus. Budgets are generous (a 2-core laptop that is busy with other things); the measured
 * times are printed.
 */
@Tag("slow")
class BpePerformanceTest {

    @Test
    void trainsOnThreeMegabytesAndEncodesTwentyInTime(@TempDir Path dir) throws IOException {
        List<String> lines = BpeTestCorpus.zipfLines(20_000_000, 99);
        Path corpus = dir.resolve("corpus.txt");
        Files.write(corpus, lines);

        long start = System.nanoTime();
        BpeModel model = new BpeTrainer(BpeTrainingConfig.ofVocabSize(4096)).train(corpus);
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("BPE training, 3 MB sample of %d MB, vocab %d: %.1f s%n",
                Files.size(corpus) / 1_000_000, model.vocabSize(), trainSeconds);
        assertEquals(4096, model.vocabSize());
        assertTrue(trainSeconds < 120, "training took " + trainSeconds + " s");

        try (Tokenizer tokenizer = Tokenizer.load(model.save(dir.resolve("tokenizer")))) {
            start = System.nanoTime();
            long tokens = 0;
            for (int i = 0; i < lines.size(); i += 2000) {
                for (int[] ids : tokenizer.encodeBatch(lines.subList(i, Math.min(lines.size(), i + 2000)))) {
                    tokens += ids.length;
                }
            }
            double encodeSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("Encoding %d lines: %d tokens in %.1f s%n", lines.size(), tokens, encodeSeconds);
            assertTrue(encodeSeconds < 120, "encoding took " + encodeSeconds + " s");
        }
    }
}
