package org.finetunelab.results;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generated parts of a Markdown file, between {@code <!-- begin results/NAME.csv -->} and
 * {@code <!-- end results/NAME.csv -->}. The markers do not show when the Markdown is rendered; everything
 * between them belongs to the generator and is replaced as a whole.
 */
public final class ReadmeBlocks {
    private static final Pattern BEGIN = Pattern.compile("<!-- begin results/([a-z0-9-]+)\\.csv -->");

    private ReadmeBlocks() {
    }

    public static String begin(String name) {
        return "<!-- begin results/" + name + ".csv -->";
    }

    public static String end(String name) {
        return "<!-- end results/" + name + ".csv -->";
    }

    /** The names of the blocks in the text, in order. */
    public static List<String> names(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = BEGIN.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** What stands between the markers of block {@code name}. */
    public static String content(String text, String name) {
        int[] span = span(text, name);
        return text.substring(span[0], span[1]);
    }

    /** The text with block {@code name}'s content replaced. */
    public static String replace(String text, String name, String content) {
        int[] span = span(text, name);
        return text.substring(0, span[0]) + content + text.substring(span[1]);
    }

    private static int[] span(String text, String name) {
        int b = text.indexOf(begin(name));
        if (b < 0) {
            throw new IllegalArgumentException("no block " + begin(name) + " in the text");
        }
        int start = b + begin(name).length();
        int e = text.indexOf(end(name), start);
        if (e < 0) {
            throw new IllegalArgumentException("block " + begin(name) + " has no end marker " + end(name));
        }
        return new int[]{start, e};
    }
}
