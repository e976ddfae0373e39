package org.finetunelab.grading.tasks;

/**
 * Lesson 11: the haiku chef's form checker, three lines of 5, 7 and 5 syllables. English syllables need a
 * dictionary to be exact; this exercise uses a simple rule that is right for most common words:
 * <ol>
 *   <li>lower-case the word and keep only its letters a–z (drop apostrophes, punctuation, digits); no letters: 0 syllables;</li>
 *   <li>count the groups of consecutive vowels, where the vowels are a, e, i, o, u and y;</li>
 *   <li>a final "e" is silent — subtract one — unless the word ends in "le" after a consonant ("table") or the
 *       word has only one vowel group ("the");</li>
 *   <li>a word with letters has at least one syllable.</li>
 * </ol>
 */
public interface HaikuExercise {
    /** Syllables of one word by the rule above. */
    int syllables(String word);

    /**
     * Syllables per line of a poem. Lines are separated by new lines or by " / "; lines that are blank are skipped.
     * Words are separated by spaces and hyphens ("snow-white" is two words).
     */
    int[] lineSyllables(String poem);

    /** True when the poem has exactly three lines of 5, 7 and 5 syllables, in that order. */
    boolean isHaiku(String poem);
}
