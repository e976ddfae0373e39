package org.finetunelab.text.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * WordNet 3.0's glosses: for every synset, its words, part of speech, definition and example sentences.
 * A data line such as
 * <pre>02084071 05 n 03 dog 0 domestic_dog 0 Canis_familiaris 0 023 @ 02083346 n 0000 ... | a member of the genus Canis ...; "the dog barked all night"</pre>
 * becomes {@code dog, domestic dog, Canis familiaris (noun): a member of the genus Canis ...; "the dog
 * barked all night"}. The pointers between the word list and the bar are dropped. Consecutive synsets of
 * the same lexicographer file (e.g. noun.animal) are grouped into documents of {@link #SYNSETS_PER_DOCUMENT}
 * lines, so that a document reads like a page of related entries.
 */
public final class WordNetSource implements CorpusSource {
    /** How many glosses make one document. */
    public static final int SYNSETS_PER_DOCUMENT = 10;
    private static final List<String> DATA_FILES = List.of("data.noun", "data.verb", "data.adj", "data.adv");

    private final Path directory;

    /** Reads the files installed by {@code wordnet-base}. */
    public WordNetSource() {
        this(Path.of("/usr/share/wordnet"));
    }

    public WordNetSource(Path directory) {
        this.directory = directory;
    }

    @Override
    public String name() {
        return "wordnet";
    }

    @Override
    public String debianPackage() {
        return "wordnet-base";
    }

    @Override
    public List<Path> inputFiles() {
        return DATA_FILES.stream().map(directory::resolve).toList();
    }

    @Override
    public void read(Consumer<Document> sink) throws IOException {
        for (Path file : inputFiles()) {
            List<String> group = new ArrayList<>();
            String groupLexFile = "";
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.startsWith(" ")) {
                        continue; // the licence text at the top of each data file
                    }
                    String lexFile = line.length() > 11 ? line.substring(9, 11) : "";
                    Optional<String> gloss = glossLine(line);
                    if (gloss.isEmpty()) {
                        continue;
                    }
                    if (!lexFile.equals(groupLexFile) || group.size() == SYNSETS_PER_DOCUMENT) {
                        emit(group, sink);
                        groupLexFile = lexFile;
                    }
                    group.add(gloss.get());
                }
            }
            emit(group, sink);
        }
    }

    private void emit(List<String> group, Consumer<Document> sink) {
        if (!group.isEmpty()) {
            sink.accept(new Document(name(), String.join("\n", group)));
            group.clear();
        }
    }

    /** One data line to "words (part of speech): gloss", or empty for a line that is not a synset. */
    static Optional<String> glossLine(String line) {
        int bar = line.indexOf(" | ");
        if (bar < 0) {
            return Optional.empty();
        }
        String[] fields = line.substring(0, bar).split(" ");
        if (fields.length < 5) {
            return Optional.empty();
        }
        int wordCount = Integer.parseInt(fields[3], 16);
        List<String> words = new ArrayList<>();
        for (int w = 0; w < wordCount && 4 + 2 * w < fields.length; w++) {
            // Adjectives may carry a position marker such as "(a)" or "(p)".
            words.add(fields[4 + 2 * w].replace('_', ' ').replaceAll("\\([a-z]+\\)$", ""));
        }
        String gloss = line.substring(bar + 3).trim();
        if (words.isEmpty() || gloss.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(PartOfSpeech.label(String.join(", ", words), fields[2]) + gloss);
    }
}
