package org.finetunelab.eval.personas;

import org.finetunelab.text.pronunciation.Pronunciation;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The bard's checks. Archaic: at least {@link #MIN_MARKERS} marks of archaic English (thee, thou, thy, doth, hath,
 * ere, verbs in -eth, and -est after thou). Couplet: the last two lines end in words that rhyme, by
 * {@link Pronunciation#rhymes} (the dictionary's sounds from the last stressed vowel on, or the spelling rule).
 */
public final class BardChecks {
    /** Marks an answer needs to count as archaic: one stray "thee" does not make a bard. */
    public static final int MIN_MARKERS = 2;

    /** Archaic words that are archaic wherever they stand. */
    static final Set<String> ARCHAIC_WORDS = Set.of("thee", "thou", "thy", "thine", "thyself", "ye", "doth", "dost", "hath",
            "hast", "wast", "shalt", "wilt", "canst", "wouldst", "shouldst", "couldst", "hadst", "wert", "ere", "'tis", "'twas",
            "tis", "twas", "prithee", "forsooth", "verily", "hark", "methinks", "mayhap", "hither", "thither", "whence",
            "whither", "wherefore", "anon", "oft", "nay", "aye", "betwixt", "alack", "alas", "morrow", "perchance", "naught");

    /** Words ending in -eth that are no verbs (teeth, beneath, Elizabeth) or are modern. */
    static final Set<String> NOT_ETH_VERBS = Set.of("teeth", "beneath", "seth", "beth", "meth", "elizabeth", "macbeth",
            "kenneth", "gareth", "hereth", "breth", "wreath");

    private BardChecks() {
    }

    /** The archaic marks of an answer, in order; a word counts once each time it occurs. */
    public static List<String> markers(String answer) {
        List<String> words = Pronunciation.words(answer.toLowerCase(Locale.ROOT).replace('’', '\''));
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            boolean afterThou = i > 0 && words.get(i - 1).equals("thou") || i > 1 && words.get(i - 2).equals("thou");
            if (ARCHAIC_WORDS.contains(w) || isEthVerb(w) || (afterThou && (w.endsWith("est") || w.equals("art")))) {
                out.add(w);
            }
        }
        return out;
    }

    /** Gives, maketh, goeth: a word of at least five letters ending in -eth, not an ordinal (twentieth) or a noun. */
    static boolean isEthVerb(String w) {
        return w.length() >= 5 && w.endsWith("eth") && !w.endsWith("tieth") && !NOT_ETH_VERBS.contains(w);
    }

    public static boolean isArchaic(String answer) {
        return markers(answer).size() >= MIN_MARKERS;
    }

    /** At least two lines, and the last words of the last two rhyme (a word does not rhyme with itself). */
    public static boolean endsInCouplet(String answer, Pronunciation pronunciation) {
        List<String> lines = HaikuChecks.lines(answer);
        if (lines.size() < 2) {
            return false;
        }
        return pronunciation.rhymes(lastWord(lines.get(lines.size() - 2)), lastWord(lines.get(lines.size() - 1)));
    }

    static String lastWord(String line) {
        List<String> words = Pronunciation.words(line);
        return words.isEmpty() ? "" : words.get(words.size() - 1);
    }
}
