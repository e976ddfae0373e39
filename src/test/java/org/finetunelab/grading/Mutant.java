package org.finetunelab.grading;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A deliberately wrong copy of a solution: the solution's source with a few exact text edits that make one typical
 * mistake, and the checks that must catch it.
 */
record Mutant(String exercise, String mistake, List<Edit> edits, Set<String> catches) {
    record Edit(String from, String to) {
    }

    /** A mutant with one edit; the trailing strings name the checks (method names) that must fail. */
    static Mutant of(String exercise, String mistake, String from, String to, String... catches) {
        return new Mutant(exercise, mistake, List.of(new Edit(from, to)), new LinkedHashSet<>(Arrays.asList(catches)));
    }

    /** A mutant with two edits. */
    static Mutant of2(String exercise, String mistake, String from1, String to1, String from2, String to2, String... catches) {
        return new Mutant(exercise, mistake, List.of(new Edit(from1, to1), new Edit(from2, to2)),
                new LinkedHashSet<>(Arrays.asList(catches)));
    }

    /** The solution's source with the edits made; each edit's text must occur exactly once, so none applies by accident. */
    String apply(String source) {
        String s = source;
        List<String> problems = new ArrayList<>();
        for (Edit e : edits) {
            int first = s.indexOf(e.from());
            if (first < 0 || s.indexOf(e.from(), first + 1) >= 0) {
                problems.add("'" + e.from() + "' occurs " + (first < 0 ? "nowhere" : "more than once"));
                continue;
            }
            s = s.substring(0, first) + e.to() + s.substring(first + e.from().length());
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("mutant '" + mistake + "' of " + exercise + " no longer fits the solution: " + problems);
        }
        return s;
    }

    @Override
    public String toString() {
        return exercise + ": " + mistake;
    }
}
