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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
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
    void generationEndsAtTheEndOfTextToken(@TempDir Path dir) throws Exception {
        try (LanguageModel lm = LanguageModel.load(TinyLanguageModel.save(dir))) {
            TinyLanguageModel.alwaysEndOfText(lm);
            int[] ids = new Generator(lm.model()).generate(lm.tokenizer().encode("The dog"), GenerationConfig.greedy(5));
            assertArrayEquals(new int[] {eot(lm), eot(lm), eot(lm), eot(lm), eot(lm)}, ids, "the model predicts end of text");
            assertEquals("", lm.generate("The dog", GenerationConfig.greedy(5)));
            assertEquals("", lm.generate("The dog", GenerationConfig.sampling(5, 1).withStop("\n")));
        }
    }

    private static int eot(LanguageModel lm) {
        return lm.tokenizer().endOfTextId();
    }

    @Test
    void streamedPiecesAddUpToTheReturnedTextAndStopBeforeTheStopString(@TempDir Path dir) throws Exception {
        try (LanguageModel lm = LanguageModel.load(TinyLanguageModel.save(dir))) {
            String free = lm.generate("The dog", GenerationConfig.greedy(12));
            String stop = free.substring(free.length() / 2, free.length() / 2 + 2);
            StringBuilder streamed = new StringBuilder();
            String cut = lm.generate("The dog", GenerationConfig.greedy(12).withStop(stop), streamed::append);
            assertEquals(free.substring(0, free.indexOf(stop)), cut);
            assertEquals(cut, streamed.toString());
            assertDoesNotThrow(() -> lm.generate("", GenerationConfig.greedy(3)), "an empty prompt starts from end of text");
        }
    }

    @Test
    void generatorOnIdsRefusesStopStringsItCannotSee(@TempDir Path dir) throws Exception {
        try (LanguageModel lm = LanguageModel.load(TinyLanguageModel.save(dir))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Generator(lm.model())
                    .generate(new int[] {1, 2}, GenerationConfig.greedy(3).withStop(".")));
            assertTrue(e.getMessage().contains("LanguageModel.generate"), e.getMessage());
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
