package org.finetunelab.text.pronunciation;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Syllables and rhymes guessed from spelling alone: the fallback for words the dictionary lacks, and for machines
 * without it. A syllable is a group of vowel letters, corrected by the rules English spelling keeps breaking
 * (a silent final e, -ed and -es that add no syllable, vowel pairs that are two syllables). How often it agrees
 * with the dictionary is measured on words the rules were not written from (see the pronunciation tests).
 */
public final class SpellingRules {
    private static final Pattern VOWEL_GROUP = Pattern.compile("[aeiouy]+");

    /** Vowel pairs spoken as two syllables (pi-a-no, ra-di-o, cre-ate, flu-id), when no other rule says otherwise. */
    private static final Pattern TWO_VOWELS = Pattern.compile("ia|io|eo|ua|uo|ui(?!t|c|s)|ii|iu|ue(?!$|s$|d$)");

    private SpellingRules() {
    }

    /** The number of syllables of one word (letters, perhaps with an apostrophe); at least 1 for any letters. */
    public static int syllables(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        int extra = 0;
        if (w.endsWith("n't") && w.length() > 3 && !isVowel(w.charAt(w.length() - 4))) {
            extra = 1;   // did-n't, could-n't; but don't, can't, won't are one
        }
        String letters = w.replaceAll("'.*$", "").replaceAll("[^a-z]", "");
        return letters.isEmpty() ? 0 : Math.max(1, count(letters)) + extra;
    }

    private static int count(String w) {
        int count = 0;
        Matcher groups = VOWEL_GROUP.matcher(w.startsWith("y") ? "_" + w.substring(1) : w);
        while (groups.find()) {
            count++;
            if (groups.group().length() > 1 && twoSounds(w, groups.start(), groups.end())) {
                count++;
            }
        }
        count -= silentEndings(w);
        for (Pattern rule : ONE_MORE) {
            if (rule.matcher(w).find()) {
                count++;
            }
        }
        Matcher compound = COMPOUND_FIRST_PART.matcher(w);
        if (compound.find() && w.length() - compound.end() >= 2 && hasVowelBefore(w.substring(compound.end()), w.length() - compound.end())
                && ONE_LESS.stream().noneMatch(rule -> rule.matcher(w).find())) {
            count--;   // the silent e of a first word: fire|works, gate|way, cheese|cake
        }
        for (Pattern rule : ONE_LESS) {
            if (rule.matcher(w).find()) {
                count--;
            }
        }
        return count;
    }

    /** Spellings with one syllable more than their vowel groups: prism, going, mcallen, diet, obedient. */
    private static final List<Pattern> ONE_MORE = Stream.of("[^aeiouy][ai]sms?$", "[aeiouy]ing$", "^mc",
            "[aeiouy].*ier$", "iest$", "(iet|iety|ieties|ietary|ieth)$", "[^ctsxq]ien(t|ce)", "[aeiouy].*[^aeiouy]ea$",
            "[^aeiou]ire(s|d)?$", "(^|h|s|fl|d|sc)our(s|ed|ing)?$", "[aeiou]y[aeou]", ".[^aeiouwnl]y[aeou](?!$|s$)",
            "^(re|pre)(a(?!d|l|ch|m|p|r|s)|u)", "[aeiouy].*[^aeiouyc]ean(s)?$")
            .map(Pattern::compile).toList();

    /** Common words ending in a silent e that start compounds; the rules above would sound their e. */
    private static final Pattern COMPOUND_FIRST_PART = Pattern.compile("^(fire|fore|bare|care|share|gate|shake|there|where"
            + "|fare|house|spoke|more|safe|side|base|life|time|home|some|store|stone|whole|wide|line|lone|race|peace|ice"
            + "|name|wine|wire|grape|bone|note|game|make|take|like|cheese|horse|nose|sure|hope|grace|plate|sale|tale|rice"
            + "|lime|pine|rose|space|state|place|face|nice|tide|pipe|lake)[^aeiouy]");

    /** Spellings with one less: athletically (-ic'ly), lonely (a silent e before a suffix), statesmen. */
    private static final List<Pattern> ONE_LESS = Stream.of("ically$", "[^aeiouy]e(ly|less|ment|ments|ful|fully|ness|men|man)$")
            .map(Pattern::compile).toList();

    /** A vowel group spoken as two syllables (pi-a-no, ra-di-o, cre-ate, flu-id), unless an ending makes it one. */
    private static boolean twoSounds(String w, int start, int end) {
        Matcher pair = TWO_VOWELS.matcher(w).region(start, end).useTransparentBounds(true).useAnchoringBounds(false);
        if (!pair.find()) {
            return false;
        }
        String before = w.substring(0, start + pair.start() - start);
        String vowels = pair.group();
        boolean softConsonant = before.endsWith("t") || before.endsWith("c") || before.endsWith("s")
                || before.endsWith("x") || before.endsWith("g");
        return !((vowels.startsWith("i") && !vowels.equals("iu") && softConsonant)   // -tion, -cious, -tian, -gion
                || (vowels.startsWith("u") && (before.endsWith("q") || before.endsWith("g") || before.endsWith("b")))  // guard, build, guess
                || (vowels.startsWith("i") && w.startsWith("age", start + 2))                      // carriage, marriage
                || (vowels.equals("eo") && (before.endsWith("g") || before.endsWith("p"))));    // pigeon, people
    }

    /** Vowel letters at the end that are not spoken: the e of "stone", "baked", "makes" (not "table", "wanted"). */
    private static int silentEndings(String w) {
        int n = w.length();
        if (n < 3) {
            return 0;
        }
        char third = w.charAt(n - 3);
        if (w.endsWith("e") && hasVowelBefore(w, n - 1) && !w.endsWith("ee") && !w.endsWith("ie") && !w.endsWith("oe") && !w.endsWith("ye")
                && !((w.endsWith("le") || w.endsWith("re")) && !isVowel(third) && third != 'l' && third != 'r')) {
            return 1;
        }
        if (!hasVowelBefore(w, n - 2)) {
            return 0;
        }
        if (w.endsWith("ed") && !w.endsWith("eed") && !w.endsWith("ted") && !w.endsWith("ded") && !w.endsWith("ied")
                && !("aoi".indexOf(third) >= 0) && !(third == 'l' && "aeiouylrw".indexOf(w.charAt(n - 4)) < 0)) {
            return 1;
        }
        if (w.endsWith("es") && !isVowel(third) && !w.matches(".*(s|x|z|ch|sh|c|g)es$")
                && !((third == 'l' || third == 'r') && !isVowel(w.charAt(n - 4)))) {
            return 1;
        }
        return 0;
    }

    /** Whether a vowel letter comes before position {@code end} (a y only after the first letter). */
    private static boolean hasVowelBefore(String w, int end) {
        for (int i = 0; i < end; i++) {
            if ("aeiou".indexOf(w.charAt(i)) >= 0 || (i > 0 && w.charAt(i) == 'y')) {
                return true;
            }
        }
        return false;
    }

    private static boolean isVowel(char c) {
        return "aeiouy".indexOf(c) >= 0;
    }

    /**
     * The rhyme guessed from spelling: the word from its last sounded vowel group to the end, so that "night" and
     * "light" share "ight", "stone" and "alone" share "one". Words that rhyme with different spellings (great, late)
     * are missed, and words spelt alike but said differently (done, gone) pass.
     */
    public static String rhyme(String word) {
        String w = word.toLowerCase(Locale.ROOT).replaceAll("'.*$", "").replaceAll("[^a-z]", "");
        if (w.isEmpty()) {
            return "";
        }
        int end = w.length();
        if (w.endsWith("e") && end > 2 && !isVowel(w.charAt(end - 2)) && hasVowelBefore(w, end - 1)) {
            end--;   // a silent e belongs to the rhyme but does not start it
        }
        int start = -1;
        for (int i = end - 1; i >= 0; i--) {
            boolean vowel = isVowel(w.charAt(i)) && !(w.charAt(i) == 'y' && i == 0);
            if (vowel) {
                start = i;
            } else if (start >= 0) {
                break;
            }
        }
        return start < 0 ? w : w.substring(start);
    }
}
