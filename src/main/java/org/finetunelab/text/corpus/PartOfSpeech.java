package org.finetunelab.text.corpus;

import java.util.Locale;
import java.util.Map;

/** Turns dictionary part-of-speech abbreviations ("n.", "v. t.", "adj") into plain words. */
final class PartOfSpeech {
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("n", "noun"), Map.entry("n pl", "plural noun"), Map.entry("pl", "plural noun"),
            Map.entry("v", "verb"), Map.entry("v t", "verb"), Map.entry("v i", "verb"),
            Map.entry("vt", "verb"), Map.entry("vi", "verb"), Map.entry("v t & i", "verb"),
            Map.entry("v i & t", "verb"), Map.entry("a", "adjective"), Map.entry("adj", "adjective"),
            Map.entry("s", "adjective"), Map.entry("r", "adverb"), Map.entry("adv", "adverb"),
            Map.entry("prep", "preposition"), Map.entry("conj", "conjunction"),
            Map.entry("interj", "interjection"), Map.entry("pron", "pronoun"),
            Map.entry("p p", "past participle"), Map.entry("p a", "adjective"), Map.entry("imp", "verb"));

    private PartOfSpeech() {
    }

    /** The plain name, or an empty string when the abbreviation is not a known one. */
    static String name(String abbreviation) {
        String key = abbreviation.toLowerCase(Locale.ROOT).replace(".", " ").replace(",", " ")
                .replaceAll("\\s+", " ").trim();
        if (key.endsWith(" obs")) {
            key = key.substring(0, key.length() - 4).trim();
        }
        return NAMES.getOrDefault(key, "");
    }

    /** "Word (noun): " or "Word: " when the part of speech is unknown. */
    static String label(String headword, String abbreviation) {
        String name = name(abbreviation);
        return name.isEmpty() ? headword + ": " : headword + " (" + name + "): ";
    }
}
