package org.finetunelab.model;

import org.finetunelab.text.Tokenizer;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes generated tokens incrementally, for {@link LanguageModel#generate}. A byte-level token can end in
 * the middle of a UTF-8 character, so the text is handed out only up to the last complete character, and
 * never past a stop string.
 */
final class StreamingText {
    private final Tokenizer tokenizer;
    private final List<String> stops;
    private final List<Integer> ids = new ArrayList<>();
    private int printed;

    StreamingText(Tokenizer tokenizer, List<String> stops) {
        this.tokenizer = tokenizer;
        this.stops = stops;
    }

    /** Adds one token and returns the new text that is safe to show. */
    String add(int id) {
        ids.add(id);
        String text = visible();
        String fresh = text.length() > printed ? text.substring(printed) : "";
        printed = Math.max(printed, text.length());
        return fresh;
    }

    /** The text held back so far (the start of a stop string that never came): shown when generation ends. */
    String rest() {
        String all = text();
        String fresh = all.length() > printed ? all.substring(printed) : "";
        printed = Math.max(printed, all.length());
        return fresh;
    }

    /** True once the text contains a stop string. */
    boolean stopped() {
        String all = decoded();
        return stops.stream().anyMatch(all::contains);
    }

    /** Everything generated so far, cut before the first stop string (a half character at the end included). */
    String text() {
        String all = decoded();
        int cut = all.length();
        for (String s : stops) {
            int at = all.indexOf(s);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        return all.substring(0, cut);
    }

    private String decoded() {
        return tokenizer.decode(ids.stream().mapToInt(Integer::intValue).toArray());
    }

    private String visible() {
        String all = text();
        // A trailing U+FFFD is half a character still waiting for its next bytes.
        while (!all.isEmpty() && all.charAt(all.length() - 1) == '\uFFFD') {
            all = all.substring(0, all.length() - 1);
        }
        // Hold back an ending that could still grow into a stop string.
        int hold = 0;
        for (String s : stops) {
            for (int k = Math.min(s.length() - 1, all.length()); k > hold; k--) {
                if (all.endsWith(s.substring(0, k))) {
                    hold = k;
                }
            }
        }
        return all.substring(0, all.length() - hold);
    }
}
