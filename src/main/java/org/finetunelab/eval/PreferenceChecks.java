package org.finetunelab.eval;

import org.finetunelab.text.instructions.PreferenceData;
import org.finetunelab.text.instructions.TaskExample;
import org.finetunelab.text.instructions.TaskType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The behaviour the preference data teaches, scored by a program: an answer behaves when it is right (its task's
 * check), short, polite and ends cleanly. The preferred-behaviour rate of a model is the share of its answers
 * that behave.
 */
public final class PreferenceChecks {
    /** Words of the rude answers in the preference data, and a few more of the same kind. */
    private static final List<String> RUDE_MARKERS = Stream.concat(
            Stream.concat(PreferenceData.RUDE_OPENINGS.stream(), PreferenceData.RUDE_ENDINGS.stream())
                    .map(s -> s.toLowerCase(Locale.ROOT).replaceAll("[.:?,]+$", "")),
            Stream.of("stupid", "idiot", "shut up")).toList();

    private PreferenceChecks() {
    }

    /** What is wrong with an answer, or an empty list when it behaves. */
    public static List<String> problems(TaskExample example, String answer) {
        List<String> out = new ArrayList<>();
        if (!TaskChecks.passes(example, answer)) {
            out.add("wrong");
        }
        if (rambles(example, answer)) {
            out.add("rambling");
        }
        if (rude(answer)) {
            out.add("rude");
        }
        if (example.task() != TaskType.REPEAT && repeats(answer)) {
            out.add("repeats itself");
        }
        return out;
    }

    public static boolean behaves(TaskExample example, String answer) {
        return problems(example, answer).isEmpty();
    }

    /** Much longer than the reference answer: twice its words and five more. */
    static boolean rambles(TaskExample example, String answer) {
        return words(answer) > 2 * words(example.response()) + 5;
    }

    static boolean rude(String answer) {
        String a = answer.toLowerCase(Locale.ROOT);
        return RUDE_MARKERS.stream().anyMatch(a::contains);
    }

    /** Some run of three words occurs twice, or one word three times in a row. */
    static boolean repeats(String answer) {
        String[] w = answer.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} ]", " ").trim().split("\\s+");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i + 3 <= w.length; i++) {
            boolean stutter = w[i].equals(w[i + 1]) && w[i].equals(w[i + 2]);
            if (stutter || !seen.add(w[i] + " " + w[i + 1] + " " + w[i + 2])) {
                return true;
            }
        }
        return false;
    }

    private static int words(String text) {
        String t = text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }
}
