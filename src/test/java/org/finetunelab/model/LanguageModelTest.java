package org.finetunelab.model;

import ai.djl.Device;
import org.finetunelab.text.BpeTrainer;
import org.finetunelab.text.BpeTrainingConfig;
import org.finetunelab.text.Tokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LanguageModelTest {
    static Path tokenizer(Path dir, int vocab) throws Exception {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            texts.add("Stop here, please. The dog ran " + i + " times around the garden.");
        }
        return new BpeTrainer(BpeTrainingConfig.ofVocabSize(vocab)).train(texts).save(dir.resolve("tok-" + vocab + ".json"));
    }

    @Test
    void aTokenizerThatDoesNotFitTheModelIsRefused(@TempDir Path dir) throws Exception {
        Path big = tokenizer(dir, 400);
        try (Gpt model = Gpt.create(GptConfig.tiny(300), 1, Device.cpu()); Tokenizer tok = Tokenizer.load(big)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LanguageModel(model, tok));
            assertTrue(e.getMessage().contains("400") && e.getMessage().contains("300") && e.getMessage().contains(big.toString()),
                    e.getMessage());
        }
    }

    @Test
    void generatedTextIsCutAtTheFirstStopString(@TempDir Path dir) throws Exception {
        Path tok = tokenizer(dir, 300);
        try (LanguageModel lm = new LanguageModel(Gpt.create(GptConfig.tiny(300), 1, Device.cpu()), Tokenizer.load(tok))) {
            String free = lm.generate("The dog", GenerationConfig.greedy(12));
            assertFalse(free.isEmpty());
            String stop = free.substring(free.length() / 2, free.length() / 2 + 1);
            String cut = lm.generate("The dog", GenerationConfig.greedy(12).withStop(stop));
            assertEquals(free.substring(0, free.indexOf(stop)), cut);
        }
    }
}
