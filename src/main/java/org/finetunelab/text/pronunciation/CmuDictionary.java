package org.finetunelab.text.pronunciation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CMU pronouncing dictionary as Debian's {@code festlex-cmu} package installs it for the Festival speech
 * synthesiser: about 105,000 American English words, each already cut into syllables with a stress mark.
 *
 * <pre>
 * ("abandon" nil (((ax) 0) ((b ae n) 1) ((d ax n) 0)))
 * </pre>
 *
 * A word is its syllables, each a list of phones and a stress (1 stressed, 0 not). Only two things are kept per
 * word: how many syllables it has, and its rhyme (the phones from the vowel of its last stressed syllable to the
 * end: "abandon" → "ae n d ax n"). Where a word has several entries (one per part of speech), the first counts.
 */
public final class CmuDictionary {
    /** Where {@code apt-get install festlex-cmu} puts the file. */
    public static final Path DEBIAN_FILE = Path.of("/usr/share/festival/dicts/cmu/cmudict-0.4.out");

    /** The dictionary's vowels; every syllable has exactly one. */
    static final Set<String> VOWELS = Set.of("aa", "ae", "ah", "ao", "aw", "ax", "ay", "eh", "er", "ey", "ih", "iy",
            "ow", "oy", "uh", "uw");

    private static final Pattern ENTRY = Pattern.compile("^\\(\"([^\"]+)\" \\S+ \\((.*)\\)\\)\\s*$");
    private static final Pattern SYLLABLE = Pattern.compile("\\(\\(([a-z ]+)\\) ([0-9])\\)");

    /** One word as the dictionary gives it. */
    public record Entry(int syllables, String rhyme) {
    }

    private final Path file;
    private final Map<String, Entry> words;

    private CmuDictionary(Path file, Map<String, Entry> words) {
        this.file = file;
        this.words = Map.copyOf(words);
    }

    /** The dictionary at {@link #DEBIAN_FILE}, or empty when the package is not installed. */
    public static Optional<CmuDictionary> installed() {
        return Files.isRegularFile(DEBIAN_FILE) ? Optional.of(load(DEBIAN_FILE)) : Optional.empty();
    }

    /**
     * Reads a Festival-format dictionary file.
     *
     * @throws IllegalArgumentException when a line that looks like an entry cannot be read (naming file and line)
     */
    public static CmuDictionary load(Path file) {
        Map<String, Entry> words = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (!line.startsWith("(\"")) {
                    continue;   // the file starts with a header line ("MNCL")
                }
                Matcher m = ENTRY.matcher(line);
                if (!m.matches()) {
                    throw new IllegalArgumentException(file + ", line " + number + ": not a dictionary entry: " + line);
                }
                String word = m.group(1).toLowerCase(Locale.ROOT);
                if (!words.containsKey(word)) {
                    words.put(word, entry(m.group(2), file, number));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the pronunciation dictionary " + file, e);
        }
        return new CmuDictionary(file, words);
    }

    /** Syllables and rhyme from the entry's syllable list, e.g. {@code ((ax) 0) ((b ae n) 1) ((d ax n) 0)}. */
    static Entry entry(String syllableList, Path file, int line) {
        List<String[]> phones = new ArrayList<>();
        List<Boolean> stressed = new ArrayList<>();
        Matcher s = SYLLABLE.matcher(syllableList);
        while (s.find()) {
            phones.add(s.group(1).split(" "));
            stressed.add(!s.group(2).equals("0"));
        }
        if (phones.isEmpty()) {
            throw new IllegalArgumentException(file + ", line " + line + ": an entry without syllables: " + syllableList);
        }
        // The rhyme starts at the last stressed syllable (the last syllable when none is stressed: "the").
        int last = stressed.lastIndexOf(true);
        int from = last >= 0 ? last : phones.size() - 1;
        StringBuilder rhyme = new StringBuilder();
        boolean vowelSeen = false;
        for (int i = from; i < phones.size(); i++) {
            for (String phone : phones.get(i)) {
                vowelSeen |= VOWELS.contains(phone);
                if (vowelSeen) {
                    rhyme.append(rhyme.isEmpty() ? "" : " ").append(phone);
                }
            }
        }
        return new Entry(phones.size(), rhyme.toString());
    }

    /** The word's entry (lower case, letters only as the dictionary spells it), if the dictionary has it. */
    public Optional<Entry> lookup(String word) {
        return Optional.ofNullable(words.get(word.toLowerCase(Locale.ROOT)));
    }

    /** Every word in the dictionary with its entry (for measuring the spelling rules against it). */
    public Map<String, Entry> words() {
        return words;
    }

    public Path file() {
        return file;
    }

    public int size() {
        return words.size();
    }
}
