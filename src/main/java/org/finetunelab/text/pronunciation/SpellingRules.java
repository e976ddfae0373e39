package org.finetunelab.text.pronunciation;

import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /** Vowel groups, plus the groups that are two sounds, minus silent endings, then the corrections below. */
    private static int count(String w) {
        int count = 0;
        Matcher groups = VOWEL_GROUP.matcher(w.startsWith("y") ? "_" + w.substring(1) : w);   // the y of "yes" is no vowel
        while (groups.find()) {
            count++;
            if (groups.group().length() > 1 && twoSounds(w, groups.start(), groups.end())) {
                count++;
            }
        }
        count -= silentEndings(w);
        count += (int) ONE_MORE.stream().filter(rule -> rule.matcher(w).find()).count();
        count -= (int) ONE_LESS.stream().filter(rule -> rule.matcher(w).find()).count();
        Matcher compound = COMPOUND_FIRST_PART.matcher(w);
        if (compound.find() && ONE_LESS.stream().noneMatch(rule -> rule.matcher(w).find())) {
            String rest = w.substring(compound.end() - 1);
            if (rest.length() >= 3 && hasVowelBefore(rest, rest.length())) {
                count--;   // the silent e of a first word: fire|works, gate|way, cheese|cake
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
        String before = w.substring(0, pair.start());
        String vowels = pair.group();
        boolean softConsonant = before.endsWith("t") || before.endsWith("c") || before.endsWith("s")
                || before.endsWith("x") || before.endsWith("g");
        boolean oneSound = (vowels.startsWith("i") && !vowels.equals("iu") && softConsonant)  // -tion, -cious, -tian, -gion
                || (vowels.startsWith("u") && before.matches(".*[qgb]"))                         // quote, guard, build
                || (vowels.startsWith("i") && w.startsWith("age", pair.start() + 2))             // carriage, marriage
                || (vowels.equals("eo") && before.matches(".*[gp]"));                            // pigeon, people
        return !oneSound;
    }

    /** Vowel letters at the end that are not spoken: the e of "stone", "baked", "makes" (not "table", "wanted"). */
    private static int silentEndings(String w) {
        int n = w.length();
        if (n < 3) {
            return 0;
        }
        char third = w.charAt(n - 3);   // the letter before the last two
        boolean consonantBefore = !isVowel(third);
        // stone, make: a final e after another vowel; but not bee, pie, toe, eye, nor table and acre
        if (w.endsWith("e") && hasVowelBefore(w, n - 1) && !w.matches(".*(ee|ie|oe|ye)$")
                && !(w.matches(".*[lr]e$") && consonantBefore && third != 'l' && third != 'r')) {
            return 1;
        }
        if (!hasVowelBefore(w, n - 2)) {
            return 0;   // bed, red, yes: the e is the only vowel
        }
        // baked, played: -ed, but not wanted, needed, agreed, cried, nor the -led of "bubbled"
        if (w.endsWith("ed") && !w.matches(".*(eed|ted|ded|ied)$") && "aoi".indexOf(third) < 0
                && !(third == 'l' && "aeiouylrw".indexOf(w.charAt(n - 4)) < 0)) {
            return 1;
        }
        // makes, homes: -es, but not dishes, boxes, pages, nor the -les and -res of "tables", "acres"
        if (w.endsWith("es") && consonantBefore && !w.matches(".*(s|x|z|ch|sh|c|g)es$")
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
     * The rhyme guessed from spelling: the end of the word from its last sounded vowel, with the common spellings of
     * one sound made the same, so that night, sky and rhyme share "AI", and peace and geese share "EEs". Rhymes spelt
     * alike but said differently (done, gone) pass, and rare spellings are missed.
     */
    public static String rhyme(String word) {
        String w = word.toLowerCase(Locale.ROOT).replaceAll("'.*$", "").replaceAll("[^a-z]", "");
        if (w.isEmpty()) {
            return "";
        }
        String special = SAME_SOUND.get(w);
        if (special != null) {
            return special;
        }
        if (w.length() > 4 && w.endsWith("ies")) {
            return rhyme(w.substring(0, w.length() - 3) + "y") + "s";   // skies like sky, with an s
        }
        if (w.length() > 4 && w.matches(".*[^aeiouytd]ed$") && hasVowelBefore(w, w.length() - 3)) {
            return rhyme(w.substring(0, w.length() - 1)) + "d";          // shined like shine, with a d
        }
        String tail = tail(w.replaceAll("ce$", "se"));
        for (String[] rule : SOUNDS) {
            tail = tail.replaceAll(rule[0], rule[1]);
        }
        return tail;
    }

    /** Endings that are almost never stressed: a rhyme starts at the vowel before them (flowing, knowing; runneth). */
    private static final Pattern UNSTRESSED = Pattern.compile("(ing|ings|er|ers|y|ly|ed|es|le|les|en|on|et|el|ow|ows|a|ic"
            + "|al|ure|ous|ness|ful|less|ment|est|eth|ish|ty|ry|ant|ent|ence|ance|age|id|is|us|um|o|ie|ey)$");

    /**
     * From the start of the last stressed vowel group (guessed: the last one, or the one before an ending that is
     * seldom stressed) to the end, keeping a silent e (it makes the vowel long).
     */
    private static String tail(String w) {
        int end = w.length();
        if (w.endsWith("e") && end > 2 && !isVowel(w.charAt(end - 2)) && hasVowelBefore(w, end - 1)) {
            end--;
        }
        int start = lastVowelGroup(w, end);
        Matcher ending = UNSTRESSED.matcher(w);
        if (start > 0 && ending.find() && ending.start() <= start) {
            int before = lastVowelGroup(w, start);
            start = before >= 0 ? before : start;
        }
        if (start > 0 && w.charAt(start - 1) == 'w' && w.startsWith("or", start)) {
            return "ur" + w.substring(start + 2);   // word, worse, world
        }
        if (start > 0 && "gq".indexOf(w.charAt(start - 1)) >= 0 && w.charAt(start) == 'u' && start + 1 < end
                && isVowel(w.charAt(start + 1))) {
            start++;   // the u of guide and quite is no vowel
        }
        return start < 0 ? w : w.substring(start);
    }

    /** Where the last group of vowel letters before {@code end} starts, or -1. */
    private static int lastVowelGroup(String w, int end) {
        int start = -1;
        for (int i = end - 1; i >= 0; i--) {
            if (isVowel(w.charAt(i)) && !(w.charAt(i) == 'y' && i == 0)) {
                start = i;
            } else if (start >= 0) {
                break;
            }
        }
        return start;
    }

    /** Words whose sound their spelling hides, as the rhyme of a word they rhyme with. */
    private static final Map<String, String> SAME_SOUND = Map.ofEntries(
            Map.entry("do", "OO"), Map.entry("to", "OO"), Map.entry("who", "OO"),
            Map.entry("two", "OO"), Map.entry("you", "OO"), Map.entry("through", "OO"),
            Map.entry("great", "AYt"), Map.entry("break", "AYk"), Map.entry("steak", "AYk"),
            Map.entry("they", "AY"), Map.entry("bear", "AIR"), Map.entry("wear", "AIR"),
            Map.entry("pear", "AIR"), Map.entry("swear", "AIR"), Map.entry("there", "AIR"),
            Map.entry("where", "AIR"), Map.entry("were", "UR"), Map.entry("heart", "art"), Map.entry("sword", "ORd"),
            Map.entry("won", "Un"), Map.entry("son", "Un"),
            Map.entry("now", "OW"), Map.entry("how", "OW"), Map.entry("cow", "OW"),
            Map.entry("bow", "OW"), Map.entry("allow", "OW"), Map.entry("brow", "OW"),
            Map.entry("vow", "OW"), Map.entry("done", "Un"), Map.entry("one", "Un"),
            Map.entry("none", "Un"), Map.entry("some", "Um"), Map.entry("come", "Um"),
            Map.entry("love", "Uv"), Map.entry("above", "Uv"), Map.entry("dove", "Uv"),
            Map.entry("gone", "On"), Map.entry("give", "iv"), Map.entry("live", "iv"),
            Map.entry("have", "av"), Map.entry("said", "ed"), Map.entry("again", "en"),
            Map.entry("four", "OR"), Map.entry("pour", "OR"), Map.entry("your", "OR"),
            Map.entry("eye", "AI"), Map.entry("aye", "AI"), Map.entry("buy", "AI"),
            Map.entry("friend", "end"), Map.entry("head", "ed"), Map.entry("bread", "ed"),
            Map.entry("dead", "ed"), Map.entry("read", "EEd"), Map.entry("blood", "Ud"));

    /**
     * Spellings of one sound made the same, applied in order to the end of a word. The sounds are written in capitals:
     * AI as in night, sky and time; EE as in see, sea and piece; AY as in day, rain and late; OH as in go and stone;
     * OO as in moon, new and rule; OW as in out; OR, AIR, EER and UR as in more, fair, near and word; U as in sun.
     * A vowel before a consonant and a silent e is long, and doubled consonants are one.
     */
    private static final String[][] SOUNDS = {
            {"^eye", "AI"}, {"^igh", "AI"}, {"^(y|ie|ye|uy)$", "AI"}, {"^ind$", "AInd"}, {"^ie([^aeiouy]+)e?$", "EE$1"},
            {"^(i|y)([^aeiouy]+)e$", "AI$2"}, {"^(ee|ea|ei|e)([^aeiouy]+)e$", "EE$2"}, {"^(ee|ea|ei)", "EE"}, {"^e$", "EE"},
            {"^are$", "AIR"}, {"^air", "AIR"}, {"^(ai|ay|ey|eigh)$", "AY"}, {"^(ai|eigh)", "AY"}, {"^a([^aeiouyr]+)e$", "AY$1"},
            {"^(ore|oor|oar|or|our)([^aeiouy]*)$", "OR$2"}, {"^(oo|ew|ue|ou)$", "OO"}, {"^u([^aeiouy]+)e$", "OO$1"},
            {"^oo", "OO"}, {"^(o|oe|ow)$", "OH"}, {"^(o|oa)([^aeiouy]+)e$", "OH$2"}, {"^oa", "OH"}, {"^ou", "OW"},
            {"^(eer|ear|ere|ier)$", "EER"}, {"^(ur|ir|er|ear)([^aeiouy]*)$", "UR$2"}, {"^u([^aeiouyr]+)$", "U$1"},
            {"ck$", "k"}, {"se$", "s"}, {"ss$", "s"}, {"([bdfglmnprt])\\1", "$1"}, {"^([A-Z]+[^aeiouy]*)e$", "$1"}};
}
