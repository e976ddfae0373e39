package org.finetunelab.text.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KnowledgeSetTest {
    private static final String GOOD = "{\"id\": \"geo-001\", \"topic\": \"geography\", "
            + "\"text\": \"The capital of France is Paris.\", \"prompt\": \"The capital of France is\", "
            + "\"answer\": \" Paris\", \"distractors\": [\" Rome\", \" Madrid\", \" Berlin\"]}";

    @TempDir
    Path dir;

    private Path write(String... lines) throws IOException {
        Path file = dir.resolve("facts.jsonl");
        Files.write(file, List.of(lines));
        return file;
    }

    /** Loads a file whose second line is {@code bad} and checks the error names file, line 2 and field. */
    private KnowledgeFileException failOnSecondLine(String bad, String field) throws IOException {
        Path file = write(GOOD.replace("geo-001", "geo-000"), bad);
        KnowledgeFileException e = assertThrows(KnowledgeFileException.class, () -> KnowledgeSet.load(file));
        assertEquals(2, e.line(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("line 2"), e.getMessage());
        return e;
    }

    @Test
    void loadsAValidLine() throws IOException {
        List<Fact> facts = KnowledgeSet.load(write(GOOD, ""));
        assertEquals(1, facts.size());
        Fact fact = facts.get(0);
        assertEquals("geo-001", fact.id());
        assertEquals(" Paris", fact.answer());
        assertEquals(List.of(" Paris", " Rome", " Madrid", " Berlin"), fact.choices());
    }

    @Test
    void rejectsMalformedJson() throws IOException {
        failOnSecondLine("{\"id\": \"x\", ", "");
    }

    @Test
    void rejectsEachMissingField() throws IOException {
        for (String field : List.of("id", "topic", "text", "prompt", "answer")) {
            String bad = GOOD.replace("\"" + field + "\":", "\"other_" + field + "\":");
            failOnSecondLine(bad, field);
        }
        failOnSecondLine(GOOD.replace("\"distractors\":", "\"wrong\":"), "distractors");
    }

    @Test
    void rejectsAnEmptyField() throws IOException {
        failOnSecondLine(GOOD.replace("\"geography\"", "\"\""), "topic");
    }

    @Test
    void rejectsAPromptThatIsNotAPrefixOfTheText() throws IOException {
        failOnSecondLine(GOOD.replace("\"The capital of France is\"", "\"The capital of Spain is\""), "prompt");
    }

    @Test
    void rejectsAnAnswerThatDoesNotFollowThePrompt() throws IOException {
        failOnSecondLine(GOOD.replace("\" Paris\"", "\" Lyon\""), "answer");
        failOnSecondLine(GOOD.replace("\" Paris\"", "\"Paris\""), "answer");
    }

    @Test
    void rejectsDuplicateIds() throws IOException {
        Path file = write(GOOD, GOOD.replace("France is", "France is"));
        KnowledgeFileException e = assertThrows(KnowledgeFileException.class, () -> KnowledgeSet.load(file));
        assertEquals(2, e.line());
        assertEquals("id", e.field());
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void rejectsFewerThanThreeDistractors() throws IOException {
        failOnSecondLine(GOOD.replace("[\" Rome\", \" Madrid\", \" Berlin\"]", "[\" Rome\", \" Madrid\"]"),
                "distractors");
    }

    @Test
    void rejectsAnAnswerListedAmongTheDistractors() throws IOException {
        failOnSecondLine(GOOD.replace("\" Berlin\"", "\" Paris\""), "distractors");
    }

    @Test
    void theShippedFactsLoadAndCoverManyTopics() throws IOException {
        List<Fact> facts = KnowledgeSet.load(Path.of("data/datasets/knowledge/facts.jsonl"));
        assertTrue(facts.size() >= 400, "only " + facts.size() + " facts");
        Set<String> topics = facts.stream().map(Fact::topic).collect(Collectors.toSet());
        assertTrue(topics.size() >= 8, "topics: " + topics);
        Set<String> prompts = new HashSet<>();
        for (Fact fact : facts) {
            assertTrue(prompts.add(fact.prompt()), "prompt used twice: " + fact.prompt());
            int words = fact.answer().strip().split("\\s+").length;
            assertTrue(words >= 1 && words <= 3, fact.id() + ": answer of " + words + " words");
            for (String distractor : fact.distractors()) {
                assertTrue(distractor.startsWith(" "), fact.id() + ": distractor without leading space");
            }
        }
    }
}
