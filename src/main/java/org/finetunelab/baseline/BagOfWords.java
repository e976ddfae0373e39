package org.finetunelab.baseline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text as the set of words it contains, order forgotten: the oldest way to turn text into numbers. The
 * vocabulary is every word of the training texts (lower-cased letters and apostrophes); a word seen only in
 * held-out texts is ignored, as it would be for any model trained on the training split alone.
 */
public final class BagOfWords {
    private static final Pattern WORD = Pattern.compile("[a-z']+");
    private final Map<String, Integer> index;

    private BagOfWords(Map<String, Integer> index) {
        this.index = index;
    }

    /** The vocabulary of these texts, in alphabetical order (so the feature numbering never depends on the order). */
    public static BagOfWords fit(List<String> texts) {
        TreeSet<String> words = new TreeSet<>();
        texts.forEach(t -> words.addAll(words(t)));
        Map<String, Integer> index = new LinkedHashMap<>();
        words.forEach(w -> index.put(w, index.size()));
        return new BagOfWords(index);
    }

    /** The words of a text, lower-cased, in order, with repeats. */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    public int size() {
        return index.size();
    }

    /** The feature numbers of the known words in the text, each once (presence, not counts), ascending. */
    public int[] features(String text) {
        TreeSet<Integer> present = new TreeSet<>();
        for (String w : words(text)) {
            Integer i = index.get(w);
            if (i != null) {
                present.add(i);
            }
        }
        return present.stream().mapToInt(Integer::intValue).toArray();
    }
}
