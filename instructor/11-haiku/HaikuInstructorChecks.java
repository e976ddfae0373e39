import org.finetunelab.grading.Check;
import org.finetunelab.grading.Submitted;
import org.finetunelab.grading.tasks.HaikuExercise;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lesson 11, a haiku 5-7-5 checker: the instructor's checks. */
@ExtendWith(Submitted.class)
public class HaikuInstructorChecks {
    static final String POND = "an old silent pond\na frog jumps into the pond\nsplash silence again";

    // Mistake: blank lines counted as lines (a poem ending in a new line would have four).
    @Check(points = 1, hint = "skip blank lines: a trailing new line or an empty line between lines adds nothing")
    void blankLinesAreSkipped(HaikuExercise haiku) {
        assertTrue(haiku.isHaiku("\n" + POND.replace("\n", "\n\n") + "\n"), "isHaiku with blank lines around and between");
    }

    // Mistake: hyphenated words counted as one word ("one-time" would be three syllables).
    @Check(points = 1, hint = "a hyphen separates words: \"one-time\" is one + time")
    void hyphensSeparateWords(HaikuExercise haiku) {
        assertArrayEquals(new int[]{2}, haiku.lineSyllables("one-time"), "lineSyllables(\"one-time\")");
    }

    // Mistake: only the first three lines compared, so a longer poem passes.
    @Check(points = 1, hint = "exactly three lines: a fourth line makes it something else")
    void aFourthLineIsNotAHaiku(HaikuExercise haiku) {
        assertFalse(haiku.isHaiku(POND + "\nsplash silence again"), "isHaiku of four lines 5-7-5-5");
    }

    // Mistake: the at-least-one rule applied to words without letters, so a dash or a number counts as a syllable.
    @Check(points = 1, hint = "a word with no letters (—, 42) has 0 syllables; the minimum of one is for words with letters")
    void wordsWithoutLettersAreSilent(HaikuExercise haiku) {
        assertArrayEquals(new int[]{5}, haiku.lineSyllables("an old silent pond —"), "lineSyllables with a dash");
    }
}
