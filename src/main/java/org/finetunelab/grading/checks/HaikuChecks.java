package org.finetunelab.grading.checks;

import org.finetunelab.grading.Check;
import org.finetunelab.grading.Submitted;
import org.finetunelab.grading.tasks.HaikuExercise;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lesson 11: a haiku 5-7-5 checker. */
@ExtendWith(Submitted.class)
public class HaikuChecks {
    static final String POND = "an old silent pond\na frog jumps into the pond\nsplash silence again";

    static void syllables(HaikuExercise haiku, String word, int expected) {
        assertEquals(expected, haiku.syllables(word), "syllables(\"" + word + "\")");
    }

    // Mistake: counting vowels instead of groups of vowels ("rain" is one syllable, not two).
    @Check(points = 2, hint = "count groups of consecutive vowels: \"ai\" in rain is one group")
    void countsGroupsOfVowelsNotVowels(HaikuExercise haiku) {
        syllables(haiku, "rain", 1);
        syllables(haiku, "sunset", 2);
        syllables(haiku, "beautiful", 3);
    }

    // Mistake: the silent final e counted ("make" would be two syllables).
    @Check(points = 2, hint = "a final e is silent: subtract one for it")
    void aFinalEIsSilent(HaikuExercise haiku) {
        syllables(haiku, "make", 1);
        syllables(haiku, "stone", 1);
        syllables(haiku, "whole", 1);
    }

    // Mistake: the silent-e rule applied everywhere ("table" would be one syllable, "the" none).
    @Check(points = 1, hint = "keep the final e after a consonant + le (table), and in one-group words (the)")
    void consonantLeAndOneGroupWordsKeepTheirE(HaikuExercise haiku) {
        syllables(haiku, "table", 2);
        syllables(haiku, "little", 2);
        syllables(haiku, "the", 1);
    }

    // Mistake: y not treated as a vowel ("sky" would have none).
    @Check(points = 1, hint = "y counts as a vowel")
    void yIsAVowel(HaikuExercise haiku) {
        syllables(haiku, "sky", 1);
        syllables(haiku, "happy", 2);
    }

    // Mistake: capitals or punctuation left in ("OCEAN" has no lower-case vowels; "make," does not end in e).
    @Check(points = 1, hint = "lower-case the word and drop everything that is not a letter first")
    void ignoresCaseAndPunctuation(HaikuExercise haiku) {
        syllables(haiku, "OCEAN", 2);
        syllables(haiku, "make,", 1);
        syllables(haiku, "—", 0);
    }

    // Mistake: the syllables of the whole poem summed, or lines split wrongly.
    @Check(points = 1, hint = "one count per line: split the poem into lines, each line into words, add up the words")
    void countsEachLine(HaikuExercise haiku) {
        assertArrayEquals(new int[]{5, 7, 5}, haiku.lineSyllables(POND), "lineSyllables of Basho's pond");
        assertArrayEquals(new int[]{5, 7, 5}, haiku.lineSyllables(POND.replace("\n", " / ")), "lineSyllables with \" / \" between lines");
    }

    // Mistake: accepting other shapes — two lines, or the right numbers in the wrong order.
    @Check(points = 2, hint = "a haiku is exactly three lines of 5, 7 and 5 syllables, in that order")
    void knowsAHaikuFromOtherPoems(HaikuExercise haiku) {
        assertTrue(haiku.isHaiku(POND), "isHaiku of Basho's pond");
        assertFalse(haiku.isHaiku("a frog jumps into the pond\nan old silent pond\nsplash silence again"), "isHaiku of lines 7-5-5");
        assertFalse(haiku.isHaiku("an old silent pond\nsplash silence again"), "isHaiku of two lines");
    }
}
