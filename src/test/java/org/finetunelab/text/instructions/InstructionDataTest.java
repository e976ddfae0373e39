package org.finetunelab.text.instructions;

import org.finetunelab.eval.TaskChecks;
import org.finetunelab.text.corpus.KnowledgeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstructionDataTest {
    static final Path FOLDER = Path.of("data/datasets/instructions");

    @Test
    void theCommittedFilesAreWhatTheGeneratorWrites(@TempDir Path tmp) throws Exception {
        InstructionData.Splits splits = InstructionData.generate(KnowledgeSet.load(Path.of("data/datasets/knowledge/facts.jsonl")),
                2026);
        InstructionData.write(splits, tmp);
        for (String file : List.of(InstructionData.TRAIN_FILE, InstructionData.TEST_FILE)) {
            assertEquals(Files.readString(FOLDER.resolve(file)), Files.readString(tmp.resolve(file)),
                    file + " differs from the generator's output: run ./lab finetune data instructions");
        }
    }

    @Test
    void sizesTaskTypesAndAHeldOutSplitThatTrainingNeverShows() {
        List<TaskExample> train = InstructionData.read(FOLDER.resolve(InstructionData.TRAIN_FILE));
        List<TaskExample> test = InstructionData.read(FOLDER.resolve(InstructionData.TEST_FILE));
        assertTrue(train.size() + test.size() >= 1200, "at least 1,200 examples");
        assertTrue(test.size() >= 200, "at least 200 held out");
        Map<TaskType, Integer> perTask = new EnumMap<>(TaskType.class);
        test.forEach(e -> perTask.merge(e.task(), 1, Integer::sum));
        assertTrue(perTask.size() >= 12, "at least 12 task types in the held-out split: " + perTask);
        Set<String> trained = new HashSet<>();
        train.forEach(e -> trained.add(e.instruction()));
        test.forEach(e -> assertFalse(trained.contains(e.instruction()), "held-out instruction in training: " + e.instruction()));
    }

    @Test
    void everyReferenceResponsePassesItsOwnCheck() {
        for (String file : List.of(InstructionData.TRAIN_FILE, InstructionData.TEST_FILE)) {
            for (TaskExample e : InstructionData.read(FOLDER.resolve(file))) {
                assertTrue(TaskChecks.passes(e, e.response()), file + ": " + e);
            }
        }
    }

    @Test
    void factQuestionsAreAskedAsQuestionsWhereTheFactAllows() {
        var fact = new org.finetunelab.text.corpus.Fact("x", "geography", "The capital of France is Paris.",
                "The capital of France is", " Paris", List.of(" Rome", " Oslo", " Bern"));
        assertEquals("What is the capital of France?", InstructionData.question(fact));
        var called = new org.finetunelab.text.corpus.Fact("y", "animals", "A baby horse is called a foal.",
                "A baby horse is called a", " foal", List.of(" lamb", " calf", " kid"));
        assertEquals("What is a baby horse called?", InstructionData.question(called));
        assertEquals("A word is an antonym", InstructionData.withArticle("A word is a", " antonym"));
        assertEquals("It is a cat", InstructionData.withArticle("It is an", " cat"));
    }

    @Test
    void numbersInWords() {
        assertEquals("forty-two", NumberWords.of(42));
        assertEquals("seventy", NumberWords.of(70));
        assertEquals("thirteen", NumberWords.of(13));
        assertEquals(42, NumberWords.parse("forty two"));
        assertEquals(7, NumberWords.parse("7"));
        assertEquals(-1, NumberWords.parse("many"));
    }
}
