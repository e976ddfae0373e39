package org.finetunelab.text.pronunciation;

import org.finetunelab.text.instructions.NumberWords;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Syllables and rhymes of English words, for the persona checks (haiku form, couplet rhyme). Each word is looked
 * up, in this order, in the lab's own table ({@link LabWords}, which agrees with the dictionary where both have a
 * word), in the CMU pronouncing dictionary when Debian's {@code festlex-cmu} is installed, and last guessed by
 * {@link SpellingRules}. {@link #describe()} says which of them this instance uses.
 */
public final class Pronunciation {
    private static final Pattern WORD = Pattern.compile("[\\p{L}']+|\\d+");

    /** Where a word's syllables came from. */
    public enum Source { LAB_TABLE, DICTIONARY, SPELLING_RULES }

    private final LabWords table;
    private final CmuDictionary dictionary;   // null: rules only

    private Pronunciation(LabWords table, CmuDictionary dictionary) {
        this.table = table;
        this.dictionary = dictionary;
    }

    /** The lab's table, the dictionary if it is installed ({@link CmuDictionary#DEBIAN_FILE}), the rules. */
    public static Pronunciation load() {
        return new Pronunciation(LabWords.load(), CmuDictionary.installed().orElse(null));
    }

    /** The lab's table and the given dictionary, then the rules. */
    public static Pronunciation with(CmuDictionary dictionary) {
        return new Pronunciation(LabWords.load(), dictionary);
    }

    /** The lab's table and the spelling rules: what a machine without the dictionary uses. */
    public static Pronunciation withoutDictionary() {
        return new Pronunciation(LabWords.load(), null);
    }

    public boolean hasDictionary() {
        return dictionary != null;
    }

    /** One line for people: which sources count syllables here. */
    public String describe() {
        String lab = "the lab's table (" + table.words().size() + " words)";
        return dictionary != null
                ? String.format(Locale.ROOT, "%s, then the CMU dictionary (%s, %,d words), then spelling rules", lab,
                dictionary.file(), dictionary.size())
                : lab + ", then spelling rules (the CMU dictionary is not installed: sudo apt-get install festlex-cmu)";
    }

    /** The words of a text: letters and apostrophes, or digits; hyphens and punctuation separate them. */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String w = m.group().replaceAll("^'+|'+$", "");
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /** Syllables of one word; a number is read as words (42: forty-two, 4 syllables). */
    public int syllables(String word) {
        if (word.matches("\\d+")) {
            return numberSyllables(word);
        }
        OptionalInt lab = table.lookup(word);
        if (lab.isPresent()) {
            return lab.getAsInt();
        }
        Optional<CmuDictionary.Entry> entry = dictionary == null ? Optional.empty() : dictionary.lookup(word);
        return entry.map(CmuDictionary.Entry::syllables).orElseGet(() -> SpellingRules.syllables(word));
    }

    /** Where {@link #syllables} takes this word's count from. */
    public Source source(String word) {
        if (table.lookup(word).isPresent()) {
            return Source.LAB_TABLE;
        }
        return dictionary != null && dictionary.lookup(word).isPresent() ? Source.DICTIONARY : Source.SPELLING_RULES;
    }

    /** Syllables of a whole line: the sum over its {@link #words}. */
    public int lineSyllables(String line) {
        return words(line).stream().mapToInt(this::syllables).sum();
    }

    private int numberSyllables(String digits) {
        String n = digits.replaceFirst("^0+(?=.)", "");
        if (n.length() <= 2) {
            return lineSyllables(NumberWords.of(Integer.parseInt(n)));
        }
        int total = 0;   // longer numbers digit by digit ("one nine six nine"): rare in the lab's texts
        for (char c : n.toCharArray()) {
            total += lineSyllables(NumberWords.of(c - '0'));
        }
        return total;
    }

    /**
     * Whether two different words rhyme: the same sounds from the vowel of the last stressed syllable on, by the
     * dictionary when it has both words, otherwise by {@link SpellingRules#rhyme}. A word does not rhyme with itself.
     */
    public boolean rhymes(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        if (x.isEmpty() || y.isEmpty() || x.equals(y)) {
            return false;
        }
        if (dictionary != null) {
            Optional<CmuDictionary.Entry> ex = dictionary.lookup(x);
            Optional<CmuDictionary.Entry> ey = dictionary.lookup(y);
            if (ex.isPresent() && ey.isPresent()) {
                return ex.get().rhyme().equals(ey.get().rhyme());
            }
        }
        return SpellingRules.rhyme(x).equals(SpellingRules.rhyme(y));
    }
}
