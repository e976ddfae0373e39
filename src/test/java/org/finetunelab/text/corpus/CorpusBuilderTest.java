package org.finetunelab.text.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorpusBuilderTest {
    @TempDir
    Path dir;

    /** A source whose documents are given in the test; one real file stands for its inputs. */
    private record FixedSource(String name, Path input, List<String> texts) implements CorpusSource {
        @Override
        public String debianPackage() {
            return "fake-" + name;
        }

        @Override
        public List<Path> inputFiles() {
            return List.of(input);
        }

        @Override
        public void read(Consumer<Document> sink) {
            texts.forEach(t -> sink.accept(new Document(name, t)));
        }
    }

    private List<CorpusSource> sources() throws IOException {
        Path input = dir.resolve("input.txt");
        if (!Files.exists(input)) {
            Files.writeString(input, "stands for a package's files");
        }
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            many.add("Sentence number " + i + " of the first source.");
        }
        many.add("A repeated line.");
        many.add("a repeated   LINE!");
        return List.of(new FixedSource("first", input, many),
                new FixedSource("second", input, List.of("A repeated line.", "Something new.\n-----")));
    }

    private Path facts() throws IOException {
        Path file = dir.resolve("facts.jsonl");
        Files.writeString(file, "{\"id\": \"t-1\", \"topic\": \"test\", \"text\": \"Grass is green.\", "
                + "\"prompt\": \"Grass is\", \"answer\": \" green\", \"distractors\": [\" blue\", \" red\", \" pink\"]}\n");
        return file;
    }

    private CorpusBuilder builder(int repeats) throws IOException {
        CorpusConfig config = CorpusConfig.defaults().withKnowledgeFile(facts()).withKnowledgeRepeats(repeats)
                .withValidFraction(0.05);
        return new CorpusBuilder(config, sources(), CorpusProgress.NONE);
    }

    private static List<String> documents(Path file) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.endsWith("\n" + TextNormalizer.SEPARATOR + "\n"));
        return Arrays.asList(text.substring(0, text.length() - TextNormalizer.SEPARATOR.length() - 2)
                .split("\n" + TextNormalizer.SEPARATOR.replace("|", "\\|") + "\n"));
    }

    @Test
    void writesSplitsWithoutDuplicatesAndWithTheFactsRepeatedInTrainOnly() throws IOException {
        Path out = dir.resolve("corpus");
        CorpusStats stats = builder(7).build(out);

        List<String> train = documents(out.resolve("train.txt"));
        List<String> valid = documents(out.resolve("valid.txt"));
        assertEquals(7, Collections.frequency(train, "Grass is green."));
        assertFalse(valid.contains("Grass is green."));
        assertEquals("Grass is green.\n", Files.readString(out.resolve("knowledge.txt")));

        // 400 + 1 + 1 distinct documents; the two repeats of "A repeated line." are gone.
        assertEquals(402, train.size() - 7 + valid.size());
        assertEquals(2, stats.duplicatesRemoved());
        assertEquals(1, stats.sources().get(0).duplicatesRemoved());
        assertEquals(1, stats.sources().get(1).duplicatesRemoved());
        assertTrue(train.contains("Something new."), "the rule line is dropped, the text kept");
        assertTrue(valid.size() > 5 && valid.size() < 40, "about 5% held out, got " + valid.size());
        for (String doc : valid) {
            assertFalse(train.contains(doc), "in both splits: " + doc);
        }
        assertEquals(7 * "Grass is green.".length(), stats.knowledgeBytes());
        assertEquals(Files.size(out.resolve("train.txt")), stats.trainBytes());
        assertTrue(Files.readString(out.resolve("stats.json")).contains(stats.fingerprint()));
    }

    @Test
    void theSameInputsGiveTheSameFiles() throws IOException {
        builder(3).build(dir.resolve("a"));
        builder(3).build(dir.resolve("b"));
        assertEquals(Files.readString(dir.resolve("a/train.txt")), Files.readString(dir.resolve("b/train.txt")));
        assertEquals(Files.readString(dir.resolve("a/valid.txt")), Files.readString(dir.resolve("b/valid.txt")));
    }

    @Test
    void skipsAnUpToDateBuildAndRebuildsWhenSomethingChanges() throws IOException {
        Path out = dir.resolve("corpus");
        CorpusStats first = builder(3).build(out);
        assertFalse(first.skipped());
        Files.writeString(out.resolve("train.txt"), "marker");

        CorpusStats second = builder(3).build(out);
        assertTrue(second.skipped());
        assertEquals(first.fingerprint(), second.fingerprint());
        assertEquals(first.sources(), second.sources());
        assertEquals("marker", Files.readString(out.resolve("train.txt")), "an up-to-date build writes nothing");

        CorpusStats third = builder(4).build(out);
        assertFalse(third.skipped());
        assertNotEquals(first.fingerprint(), third.fingerprint());
        assertFalse(Files.exists(out.resolve("train.txt.tmp")));
    }

    @Test
    void aMissingPackageIsNamedWithItsInstallCommand() throws IOException {
        CorpusSource missing = new GcideSource(dir.resolve("nowhere.index"), dir.resolve("nowhere.dict.dz"));
        CorpusBuilder builder = new CorpusBuilder(CorpusConfig.defaults().withKnowledgeFile(null),
                List.of(missing), CorpusProgress.NONE);
        MissingSourceException e = assertThrows(MissingSourceException.class, () -> builder.build(dir.resolve("x")));
        assertEquals("dict-gcide", e.debianPackage());
        assertTrue(e.getMessage().contains("sudo apt-get install dict-gcide"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("x")), "nothing is written before the sources are checked");
    }
}
