package org.finetunelab.text.corpus;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The last cleaning step, the same for every source: Unicode NFC, typographic quotes and dashes to their
 * plain forms (fewer symbols for a small vocabulary to learn), no control characters, single spaces, no
 * blank lines, and no lines that are not text (rules of dashes, pictures drawn with characters).
 */
public final class TextNormalizer {
    /** The line that separates documents in the output files; it must never occur inside a document. */
    public static final String SEPARATOR = "<|endoftext|>";
    /** A line whose letters are fewer than this share of its visible characters is not text. */
    private static final double MIN_LETTER_SHARE = 0.5;

    /** The normalized document; an empty string when nothing readable is left. */
    public String normalize(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFC)
                .replace(SEPARATOR, " ")
                .replace('\u2018', '\'').replace('\u2019', '\'').replace('\u201C', '"').replace('\u201D', '"')
                .replace('\u2013', '-').replace('\u00A0', ' ').replace('\t', ' ')
                .replace("\r\n", "\n").replace('\r', '\n')
                .replaceAll("[\\p{Cc}&&[^\\n]]|\\uFFFD|[\\p{Cf}]", "");
        List<String> kept = new ArrayList<>();
        for (String line : t.split("\n")) {
            String clean = line.replaceAll(" {2,}", " ").strip();
            if (isText(clean)) {
                kept.add(clean);
            }
        }
        return String.join("\n", kept);
    }

    /** True when at least half of the line's visible characters are letters. */
    static boolean isText(String line) {
        int letters = 0;
        int visible = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (!Character.isWhitespace(c)) {
                visible++;
                if (Character.isLetter(c)) {
                    letters++;
                }
            }
        }
        return letters > 0 && letters >= MIN_LETTER_SHARE * visible;
    }

    /**
     * Appends one line of a wrapped paragraph: with a space, except after a word broken at a hyphen
     * ("slave-" + "driver" gives "slave-driver"); a dash written " --" keeps its space.
     */
    static void appendWrapped(StringBuilder paragraph, String line) {
        String trimmed = line.strip();
        if (paragraph.length() > 0 && paragraph.charAt(paragraph.length() - 1) == ' ' && endsWithBrokenWord(paragraph)) {
            paragraph.setLength(paragraph.length() - 1);
        }
        paragraph.append(trimmed).append(' ');
    }

    private static boolean endsWithBrokenWord(StringBuilder p) {
        int n = p.length() - 1; // the trailing space
        return n >= 2 && p.charAt(n - 1) == '-' && Character.isLetter(p.charAt(n - 2));
    }
}
