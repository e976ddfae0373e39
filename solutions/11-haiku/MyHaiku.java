import org.finetunelab.grading.tasks.HaikuExercise;

import java.util.Arrays;
import java.util.Locale;

/**
 * Exercise · lesson 11 · a haiku 5-7-5 checker.
 *
 * Syllables of a word, by a simple rule that is right for most common words:
 *   1. lower-case it and keep only the letters a-z; no letters: 0 syllables;
 *   2. count the groups of consecutive vowels (a, e, i, o, u, y);
 *   3. a final "e" is silent (subtract one), unless the word ends in "le" after a consonant ("table") or has only
 *      one vowel group ("the");
 *   4. a word with letters has at least one syllable.
 * Lines are separated by new lines or " / " (blank lines are skipped); words by spaces and hyphens. A haiku has
 * exactly three lines of 5, 7 and 5 syllables.
 *
 * What each method must do, exactly: the comments of HaikuExercise (src/main/java/org/finetunelab/grading/tasks/).
 * Grade it: ./lab grade haiku   (or in notebooks/exercises/Ex11-haiku-chef.ipynb)
 */
class MyHaiku implements HaikuExercise {
    private static final String VOWELS = "aeiouy";

    @Override
    public int syllables(String word) {
        String w = word.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (w.isEmpty()) {
            return 0;
        }
        int groups = 0;
        boolean inVowels = false;
        for (char c : w.toCharArray()) {
            boolean vowel = VOWELS.indexOf(c) >= 0;
            if (vowel && !inVowels) {
                groups++;   // a new group of vowels starts here
            }
            inVowels = vowel;
        }
        if (w.endsWith("e") && groups > 1 && !consonantLe(w)) {
            groups--;   // silent final e: "make", "stone"
        }
        return Math.max(1, groups);
    }

    /** Ends in "le" after a consonant, as "table" and "little": that e is heard. */
    private static boolean consonantLe(String w) {
        return w.length() >= 3 && w.endsWith("le") && VOWELS.indexOf(w.charAt(w.length() - 3)) < 0;
    }

    @Override
    public int[] lineSyllables(String poem) {
        return Arrays.stream(poem.split("\\R| / "))
                .filter(line -> !line.isBlank())
                .mapToInt(line -> Arrays.stream(line.trim().split("[\\s-]+")).mapToInt(this::syllables).sum())
                .toArray();
    }

    @Override
    public boolean isHaiku(String poem) {
        return Arrays.equals(lineSyllables(poem), new int[]{5, 7, 5});
    }
}
