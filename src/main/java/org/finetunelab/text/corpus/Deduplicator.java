package org.finetunelab.text.corpus;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Remembers the documents seen so far and tells whether a new one repeats one of them. Two documents count
 * as the same when they have the same words in the same order, ignoring case, punctuation and spacing:
 * the same fortune often sits in two files with different quotes or line breaks.
 */
public final class Deduplicator {
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private final Set<String> seen = new HashSet<>();

    /** True the first time a document is offered, false for every later copy. */
    public boolean isNew(String text) {
        return seen.add(key(text));
    }

    static String key(String text) {
        return NOT_A_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
