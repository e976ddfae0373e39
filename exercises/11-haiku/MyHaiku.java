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
    @Override
    public int syllables(String word) {
        throw new UnsupportedOperationException("TODO: write MyHaiku.syllables");
    }

    @Override
    public int[] lineSyllables(String poem) {
        throw new UnsupportedOperationException("TODO: write MyHaiku.lineSyllables");
    }

    @Override
    public boolean isHaiku(String poem) {
        throw new UnsupportedOperationException("TODO: write MyHaiku.isHaiku");
    }
}
