package org.finetunelab.text.pronunciation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The lab's own syllable table: every word the persona generators write, with its syllable count
 * ({@code lab-words.txt} beside this class, one "word count" per line).
 *
 * <p>Why a table of its own: the committed datasets must come out byte for byte the same on every machine, with
 * or without the pronunciation dictionary, so the generators count syllables from this table only and refuse a
 * word that is not in it. A test checks every entry against the CMU dictionary where the dictionary has the word;
 * the few words it lacks (risotto, gnocchi) were counted by hand.
 */
public final class LabWords {
    /** The table's file, next to this class in the jar. */
    public static final String RESOURCE = "lab-words.txt";

    private final Map<String, Integer> syllables;

    private LabWords(Map<String, Integer> syllables) {
        this.syllables = Map.copyOf(syllables);
    }

    /** The table shipped with the library. */
    public static LabWords load() {
        Map<String, Integer> table = new TreeMap<>();
        try (InputStream in = LabWords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath (rebuild the library)");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.strip().split("\\s+");
                if (parts.length != 2 || !parts[1].matches("[1-9]") || table.put(parts[0], Integer.parseInt(parts[1])) != null) {
                    throw new IllegalStateException(RESOURCE + ", line " + number + ": expected a new word and its syllables "
                            + "(\"apple 2\"), got: " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LabWords(table);
    }

    /** The word's syllables, if the table has it (any case). */
    public OptionalInt lookup(String word) {
        Integer n = syllables.get(word.toLowerCase(Locale.ROOT));
        return n == null ? OptionalInt.empty() : OptionalInt.of(n);
    }

    /**
     * The syllables of a line, for the generators: every word must be in the table.
     *
     * @throws IllegalArgumentException naming the first word the table lacks
     */
    public int lineSyllables(String line) {
        int total = 0;
        for (String word : Pronunciation.words(line)) {
            OptionalInt n = lookup(word);
            if (n.isEmpty()) {
                throw new IllegalArgumentException("'" + word + "' (in \"" + line + "\") is not in the lab's syllable table "
                        + RESOURCE + "; add it with its syllable count");
            }
            total += n.getAsInt();
        }
        return total;
    }

    /** Every word of the table with its count. */
    public Map<String, Integer> words() {
        return syllables;
    }
}
