package org.finetunelab.experiments;

import ai.djl.Device;
import org.finetunelab.model.Gpt;
import org.finetunelab.model.GptConfig;
import org.finetunelab.model.LanguageModel;
import org.finetunelab.text.InstructionExample;
import org.finetunelab.text.LabelledTexts;
import org.finetunelab.text.Tokenizer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class PromptedSentimentTest {
    static final List<String> LABELS = List.of("negative", "positive");

    static LabelledTexts.Example example(String id, String text, String label) {
        return new LabelledTexts.Example(id, text, label, 1);
    }

    @Test
    void longReviewsAreCutAndTrainingCountsOnlyTheAnswer() throws Exception {
        try (Tokenizer tok = Tokenizer.load(Path.of("data/models/base"))) {
            PromptedSentiment task = new PromptedSentiment(tok, LABELS, 5);
            String review = "one two three four five six seven eight nine ten eleven twelve";
            String prompt = task.prompt(review);
            assertTrue(prompt.startsWith("Review: one"), prompt);
            assertFalse(prompt.contains("twelve"), "cut to 5 tokens: " + prompt);
            assertTrue(prompt.endsWith("It was"), prompt);
            InstructionExample ex = task.training(List.of(example("a", review, "positive"))).get(0);
            assertEquals(tok.encode(prompt).length, ex.promptLength());
            assertEquals(" positive", tok.decode(Arrays.copyOfRange(ex.tokens(), ex.promptLength(), ex.tokens().length)));
        }
    }

    @Test
    void fewShotTakesTheShortestExamplesOfEachLabelInTurn() throws Exception {
        try (Tokenizer tok = Tokenizer.load(Path.of("data/models/base"))) {
            PromptedSentiment task = new PromptedSentiment(tok, LABELS, 40);
            List<LabelledTexts.Example> train = List.of(example("1", "Bad and long, very long indeed.", "negative"),
                    example("2", "Awful.", "negative"), example("3", "Lovely.", "positive"), example("4", "Great fun, truly great.", "positive"));
            String shots = task.fewShot(train, 1);
            assertEquals("Review: Awful.\nWas this review positive or negative? It was negative\n\n"
                    + "Review: Lovely.\nWas this review positive or negative? It was positive\n\n", shots);
            var e = assertThrows(IllegalArgumentException.class, () -> task.fewShot(train, 3));
            assertTrue(e.getMessage().contains("only 2 training examples of label 'negative'"), e.getMessage());
        }
    }

    @Test
    void everyReviewGetsOneAnswerAndAccuracyCountsTheRightOnes() throws Exception {
        Tokenizer tok = Tokenizer.load(Path.of("data/models/base"));
        Gpt model = Gpt.create(new GptConfig(tok.vocabSize(), 64, 16, 1, 2, 4, 0f, true, "gelu", 1e-5f), 3, Device.cpu());
        try (LanguageModel lm = new LanguageModel(model, tok)) {
            PromptedSentiment task = new PromptedSentiment(tok, LABELS, 20);
            List<LabelledTexts.Example> allPositive = List.of(example("1", "Nice.", "positive"), example("2", "Very good pan.", "positive"),
                    example("3", "I like it a lot, it is fine.", "positive"));
            PromptedSentiment.Result r = task.evaluate(lm, allPositive, "");
            assertEquals(3, r.answered().values().stream().mapToInt(Integer::intValue).sum());
            assertEquals(r.share("positive"), r.accuracy(), 1e-12, "all reviews are positive: right exactly when it answers positive");
            // A context longer than the model's 64 tokens is cut from the front, keeping the question and the answer.
            PromptedSentiment.Result longer = task.evaluate(lm, allPositive, "filler words ".repeat(40));
            assertEquals(3, longer.answered().values().stream().mapToInt(Integer::intValue).sum());
        }
    }
}
