package org.finetunelab.cli;

import org.finetunelab.text.Tokenizer;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes generated tokens incrementally. A byte-level token can end in the middle of a UTF-8 character, so
 * the text is printed only up to the last complete character, and never past a stop string.
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

    /** Adds one token and returns the new text that is safe to print. */
    String add(int id) {
        ids.add(id);
        String text = visible();
        String fresh = text.length() > printed ? text.substring(printed) : "";
        printed = Math.max(printed, text.length());
        return fresh;
    }

    boolean stopped(int[] generated) {
        String all = tokenizer.decode(ids.stream().mapToInt(Integer::intValue).toArray());
        return stops.stream().anyMatch(all::contains);
    }

    private String visible() {
        String all = tokenizer.decode(ids.stream().mapToInt(Integer::intValue).toArray());
        for (String s : stops) {
            int at = all.indexOf(s);
            if (at >= 0) {
                all = all.substring(0, at);
            }
        }
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
