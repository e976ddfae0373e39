package org.finetunelab.train;

import ai.djl.Device;
import org.finetunelab.model.Gpt;
import org.finetunelab.model.GptConfig;
import org.finetunelab.model.TinyLanguageModel;
import org.finetunelab.text.DatasetException;
import org.finetunelab.text.Tokenizer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

class TextDataTest {
    static Tokenizer tok;
    static final List<String> TEXTS = IntStream.range(0, 10).mapToObj(i -> "The dog ran " + i + " times around the garden.").toList();

    @BeforeAll
    static void tokenizer(@TempDir Path dir) throws Exception {
        tok = Tokenizer.load(TinyLanguageModel.save(dir).resolve("tokenizer.json"));
    }

    @AfterAll
    static void close() {
        tok.close();
    }

    private static TextData.Builder texts() {
        return TextData.fromTexts(tok, TEXTS).batchSize(2).windowLength(8);
    }

    @Test
    void aHeldOutShareSplitsTheTextsAndEndsEachWithEndOfText() {
        TextData data = texts().heldOutShare(0.2).seed(5).build();
        assertEquals(2, data.heldOutTexts().size());
        assertEquals(8, data.trainTexts().size());
        Set<String> all = new HashSet<>(data.trainTexts());
        all.addAll(data.heldOutTexts());
        assertEquals(new HashSet<>(TEXTS), all, "every text lands in exactly one part");

        List<Integer> expected = new ArrayList<>();
        for (String t : data.heldOutTexts()) {
            for (int id : tok.encode(t)) expected.add(id);
            expected.add(tok.endOfTextId());
        }
        assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(), data.heldOutTokens());
        assertEquals(data.heldOutTexts(), texts().heldOutShare(0.2).seed(5).build().heldOutTexts(), "the seed decides");

        double counted = data.validation().stream().mapToDouble(Batch::weightSum).sum();
        assertEquals(data.heldOutTokens().length - 1, counted, "validation predicts every held-out token once");
        assertEquals(2, data.train().batchSize());
        assertEquals(8, data.train().sequenceLength());
        assertTrue(data.toString().startsWith("8 training texts"), data.toString());
    }

    @Test
    void theHeldOutPartAndEveryNumberMustBeSaid() {
        var noChoice = assertThrows(IllegalArgumentException.class, () -> texts().build());
        assertTrue(noChoice.getMessage().contains("noHeldOut()"), noChoice.getMessage());
        var twice = assertThrows(IllegalArgumentException.class, () -> texts().noHeldOut().heldOutShare(0.1).build());
        assertTrue(twice.getMessage().contains("exactly once"), twice.getMessage());
        var noSize = assertThrows(IllegalArgumentException.class,
                () -> TextData.fromTexts(tok, TEXTS).windowLength(8).noHeldOut().build());
        assertTrue(noSize.getMessage().contains("batchSize"), noSize.getMessage());
        assertThrows(IllegalArgumentException.class, () -> texts().heldOutShare(20));
        var tooLong = assertThrows(IllegalArgumentException.class,
                () -> TextData.fromTexts(tok, TEXTS.subList(0, 1)).batchSize(2).windowLength(64).noHeldOut().build());
        assertTrue(tooLong.getMessage().contains("shorter windowLength"), tooLong.getMessage());

        TextData none = texts().noHeldOut().build();
        assertTrue(none.validation().isEmpty());
        assertEquals(TEXTS, none.trainTexts());
        TextData given = texts().heldOutTexts(List.of("A cat sat.")).build();
        assertEquals(List.of("A cat sat."), given.heldOutTexts());
        assertEquals(TEXTS, given.trainTexts());
    }

    @Test
    void textsComeFromTxtAndJsonlFilesWithTheLineOfABadOne(@TempDir Path dir) throws Exception {
        Path txt = Files.writeString(dir.resolve("mine.txt"), "First line.\n\n  Second line.  \n");
        assertEquals(List.of("First line.", "Second line."),
                TextData.fromFile(tok, txt).batchSize(1).windowLength(4).noHeldOut().build().trainTexts());
        Path jsonl = Files.writeString(dir.resolve("mine.jsonl"), "{\"text\": \"One\\ntwo.\"}\n{\"text\": \"Three four five.\"}\n");
        assertEquals(List.of("One\ntwo.", "Three four five."),
                TextData.fromFile(tok, jsonl).batchSize(1).windowLength(4).noHeldOut().build().trainTexts());
        Path bad = Files.writeString(dir.resolve("bad.jsonl"), "{\"text\": \"fine\"}\n{\"txt\": \"oops\"}\n");
        DatasetException e = assertThrows(DatasetException.class, () -> TextData.fromFile(tok, bad));
        assertTrue(e.getMessage().contains("bad.jsonl") && e.getMessage().contains("2"), e.getMessage());
        var other = assertThrows(IllegalArgumentException.class, () -> TextData.fromFile(tok, Files.writeString(dir.resolve("x.csv"), "a")));
        assertTrue(other.getMessage().contains(".txt"), other.getMessage());
    }

    @Test
    void theTrainerTakesTheDataByNameAndNeedsValidationSaid() {
        TextData data = texts().heldOutShare(0.3).seed(1).build();
        try (Gpt model = Gpt.create(GptConfig.tiny(TinyLanguageModel.VOCAB), 1, Device.cpu())) {
            TrainConfig config = TrainConfig.defaults(4).withEvaluation(2, 4);
            try (Trainer trainer = Trainer.builder(model).config(config).data(data).build()) {
                TrainingResult result = trainer.fit();
                assertTrue(result.history().records().stream().anyMatch(StepRecord::evaluated), "held-out loss measured");
            }
            var unsaid = assertThrows(IllegalArgumentException.class,
                    () -> Trainer.builder(model).config(config).train(data.train()).build());
            assertTrue(unsaid.getMessage().contains("noValidation()"), unsaid.getMessage());
            assertThrows(IllegalArgumentException.class,
                    () -> Trainer.builder(model).config(config).train(data.train()).validation(List.of()).build());
        }
    }
}
