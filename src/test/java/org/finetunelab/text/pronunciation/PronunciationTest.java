package org.finetunelab.text.pronunciation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dictionary reader, the spelling rules and the lab's table. The tests that compare with the CMU dictionary are
 * skipped on a machine without Debian's festlex-cmu (sudo apt-get install festlex-cmu, or ./lab); they print what they
 * measure, and the persona datasets' READMEs quote those lines.
 */
class PronunciationTest {
    private static final Path WORDNET = Path.of("/usr/share/wordnet");

    private static CmuDictionary dictionary() {
        assumeTrue(Files.isRegularFile(CmuDictionary.DEBIAN_FILE), "festlex-cmu is not installed");
        return CmuDictionary.load(CmuDictionary.DEBIAN_FILE);
    }

    /** The spelling rules were written looking at the words whose hash falls in this quarter; the rest are held out. */
    static boolean heldOut(String word) {
        return Math.floorMod(word.hashCode(), 4) != 0;
    }

    @Test
    void readsFestivalEntriesWithSyllablesAndRhymes(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("dict.out");
        Files.writeString(file, "MNCL\n"
                + "(\"abandon\" nil (((ax) 0) ((b ae n) 1) ((d ax n) 0)))\n"
                + "(\"night\" nil (((n ay t) 1)))\n"
                + "(\"the\" dt (((dh ax) 0)))\n"
                + "(\"the\" dt (((dh iy) 0)))\n"
                + "(\"Light\" n (((l ay t) 1)))\n");
        CmuDictionary d = CmuDictionary.load(file);
        assertEquals(new CmuDictionary.Entry(3, "ae n d ax n"), d.lookup("abandon").orElseThrow());
        assertEquals("ay t", d.lookup("NIGHT").orElseThrow().rhyme());
        assertEquals("ax", d.lookup("the").orElseThrow().rhyme(), "the first of two entries, the last syllable when none is stressed");
        assertEquals(4, d.size());
        assertTrue(Pronunciation.with(d).rhymes("night", "light"));
        assertFalse(Pronunciation.with(d).rhymes("night", "night"), "a word does not rhyme with itself");
    }

    @Test
    void spellingRulesOnCommonWords() {
        Map<String, Integer> words = Map.ofEntries(Map.entry("table", 2), Map.entry("stone", 1), Map.entry("baked", 1),
                Map.entry("wanted", 2), Map.entry("makes", 1), Map.entry("dishes", 2), Map.entry("piano", 3),
                Map.entry("radio", 3), Map.entry("nation", 2), Map.entry("didn't", 2), Map.entry("don't", 1),
                Map.entry("fire", 2), Map.entry("hour", 2), Map.entry("going", 2), Map.entry("lonely", 2),
                Map.entry("the", 1), Map.entry("strength", 1), Map.entry("idea", 3), Map.entry("quiet", 2));
        words.forEach((w, n) -> assertEquals(n, SpellingRules.syllables(w), w));
        assertEquals(2, SpellingRules.syllables("recipe"), "a known miss: re-ci-pe has three; the dictionary knows it");
        for (String[] pair : List.of(new String[]{"night", "light"}, new String[]{"sky", "high"}, new String[]{"time", "rhyme"}, new String[]{"stone", "alone"},
                new String[]{"cease", "peace"}, new String[]{"day", "grey"}, new String[]{"care", "fair"},
                new String[]{"eye", "dry"}, new String[]{"flowing", "knowing"})) {
            assertEquals(SpellingRules.rhyme(pair[0]), SpellingRules.rhyme(pair[1]), pair[0] + " / " + pair[1]);
        }
        for (String[] pair : List.of(new String[]{"night", "nine"}, new String[]{"flowing", "rhyming"}, new String[]{"cat", "cart"})) {
            assertFalse(SpellingRules.rhyme(pair[0]).equals(SpellingRules.rhyme(pair[1])), pair[0] + " / " + pair[1]);
        }
    }

    @Test
    void withoutTheDictionaryTheLabsTableAndTheRulesCount() {
        Pronunciation p = Pronunciation.withoutDictionary();
        assertFalse(p.hasDictionary());
        assertTrue(p.describe().contains("spelling rules") && p.describe().contains("festlex-cmu"), p.describe());
        assertEquals(Pronunciation.Source.LAB_TABLE, p.source("quinoa"));
        assertEquals(2, p.syllables("quinoa"));
        assertEquals(Pronunciation.Source.SPELLING_RULES, p.source("zyzzyva"));
        assertEquals(3, p.syllables("42"), "forty-two");
        assertEquals(5, p.lineSyllables("Rinse the rice till clear"));
        assertEquals(List.of("Don't", "stir", "fry", "it's"), Pronunciation.words("Don't stir-fry, it's..."));
    }

    @Test
    void theLabsTableAgreesWithTheDictionary() {
        CmuDictionary d = dictionary();
        int both = 0;
        List<String> disagree = new ArrayList<>();
        for (Map.Entry<String, Integer> e : LabWords.load().words().entrySet()) {
            var entry = d.lookup(e.getKey());
            if (entry.isPresent()) {
                both++;
                if (entry.get().syllables() != e.getValue()) {
                    disagree.add(e.getKey() + " " + e.getValue() + " (dictionary " + entry.get().syllables() + ")");
                }
            }
        }
        System.out.printf(Locale.ROOT, "lab table: %d words, %d of them in the dictionary, all equal%n",
                LabWords.load().words().size(), both);
        assertEquals(List.of(), disagree);
        assertTrue(both > 900, "most of the table's words are the dictionary's: " + both);
    }

    @Test
    void spellingRulesAgreeWithTheDictionaryOnHeldOutWords() {
        CmuDictionary d = dictionary();
        int n = 0;
        int same = 0;
        for (Map.Entry<String, CmuDictionary.Entry> e : d.words().entrySet()) {
            if (e.getKey().matches("[a-z]+") && heldOut(e.getKey())) {
                n++;
                same += SpellingRules.syllables(e.getKey()) == e.getValue().syllables() ? 1 : 0;
            }
        }
        double share = (double) same / n;
        System.out.printf(Locale.ROOT, "spelling rules vs dictionary, syllables: %.1f%% of %,d held-out dictionary words%n",
                100 * share, n);
        assertTrue(share >= 0.92, "agreement " + share);
    }

    /** The held-out dictionary words that are also WordNet lemmas: English words, not the dictionary's many surnames. */
    private static List<String> englishWords(CmuDictionary d, int maxSyllables) throws Exception {
        assumeTrue(Files.isDirectory(WORDNET), "wordnet-base is not installed");
        TreeSet<String> words = new TreeSet<>();
        for (String pos : List.of("noun", "verb", "adj", "adv")) {
            for (String line : Files.readAllLines(WORDNET.resolve("index." + pos))) {
                String w = line.split(" ")[0];
                if (!line.startsWith(" ") && w.matches("[a-z]+") && heldOut(w) && d.lookup(w).isPresent()
                        && d.lookup(w).get().syllables() <= maxSyllables) {
                    words.add(w);
                }
            }
        }
        return new ArrayList<>(words);
    }

    @Test
    void spellingRulesAgreeWithTheDictionaryOnHeldOutEnglishWords() throws Exception {
        CmuDictionary d = dictionary();
        List<String> words = englishWords(d, 99);
        long same = words.stream().filter(w -> SpellingRules.syllables(w) == d.lookup(w).get().syllables()).count();
        double share = (double) same / words.size();
        System.out.printf(Locale.ROOT, "spelling rules vs dictionary, syllables: %.1f%% of %,d held-out English words (in WordNet)%n",
                100 * share, words.size());
        assertTrue(share >= 0.92, "agreement " + share);
    }

    @Test
    void spellingRhymesAgreeWithTheDictionaryOnHeldOutEnglishWords() throws Exception {
        CmuDictionary d = dictionary();
        List<String> words = englishWords(d, 2);
        Map<String, List<String>> byRhyme = new HashMap<>();
        Map<String, List<String>> byEnding = new HashMap<>();
        for (String w : words) {
            byRhyme.computeIfAbsent(d.lookup(w).get().rhyme(), k -> new ArrayList<>()).add(w);
            byEnding.computeIfAbsent(w.substring(Math.max(0, w.length() - 2)), k -> new ArrayList<>()).add(w);
        }
        Random random = new Random(7);
        int rhyming = 0;
        int rhymingSame = 0;
        int other = 0;
        int otherSame = 0;
        for (int i = 0; i < 20_000; i++) {
            String x = words.get(random.nextInt(words.size()));
            List<String> sameRhyme = byRhyme.get(d.lookup(x).get().rhyme());
            String y = sameRhyme.get(random.nextInt(sameRhyme.size()));
            if (!y.equals(x)) {
                rhyming++;
                rhymingSame += SpellingRules.rhyme(x).equals(SpellingRules.rhyme(y)) ? 1 : 0;
            }
            // A hard non-rhyme: the same last two letters, different sounds (bear / near).
            List<String> sameEnding = byEnding.get(x.substring(Math.max(0, x.length() - 2)));
            String z = sameEnding.get(random.nextInt(sameEnding.size()));
            if (!d.lookup(x).get().rhyme().equals(d.lookup(z).get().rhyme())) {
                other++;
                otherSame += SpellingRules.rhyme(x).equals(SpellingRules.rhyme(z)) ? 0 : 1;
            }
        }
        double found = (double) rhymingSame / rhyming;
        double refused = (double) otherSame / other;
        System.out.printf(Locale.ROOT, "spelling rules vs dictionary, rhymes: %.1f%% of %,d rhyming pairs found, %.1f%% of %,d "
                + "non-rhyming pairs with the same last two letters refused (%,d held-out English words of 1-2 syllables)%n",
                100 * found, rhyming, 100 * refused, other, words.size());
        assertTrue(found >= 0.55 && refused >= 0.85, found + " " + refused);
    }
}
