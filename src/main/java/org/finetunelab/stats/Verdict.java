package org.finetunelab.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether two accuracies differ by more than the noise. A difference counts only when
 * <ol>
 *   <li>both were measured over at least two seeds (one seed has no spread to compare with),</li>
 *   <li>their ranges over the seeds do not overlap (every seed of one beat every seed of the other), and</li>
 *   <li>the gap between the means exceeds the held-out set's sampling error ({@link HeldOut#standardError}).</li>
 * </ol>
 * Otherwise the two are indistinguishable at this scale: more seeds or more held-out data might separate them.
 */
public final class Verdict {
    /** How a figure stands against a reference. */
    public enum Standing {
        ABOVE("clearly above"), INDISTINGUISHABLE("indistinguishable from"), BELOW("clearly below");

        private final String words;

        Standing(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    private Verdict() {
    }

    /** Where accuracy {@code a} stands against accuracy {@code b}, both measured on the same {@code heldOut} examples. */
    public static Standing compare(Spread a, Spread b, int heldOut) {
        if (a.runs() < 2 || b.runs() < 2 || a.overlaps(b)) {
            return Standing.INDISTINGUISHABLE;
        }
        double pooled = Math.min(1, Math.max(0, (a.mean() + b.mean()) / 2));
        double gap = a.mean() - b.mean();
        if (Math.abs(gap) <= HeldOut.standardError(pooled, heldOut)) {
            return Standing.INDISTINGUISHABLE;
        }
        return gap > 0 ? Standing.ABOVE : Standing.BELOW;
    }

    /**
     * Where figure {@code a} stands against {@code b} for a figure without a binomial sampling error (a loss, a
     * step count): rules 1 and 2 only, at least two seeds each and no overlap of their ranges.
     */
    public static Standing compare(Spread a, Spread b) {
        if (a.runs() < 2 || b.runs() < 2 || a.overlaps(b)) {
            return Standing.INDISTINGUISHABLE;
        }
        return a.mean() > b.mean() ? Standing.ABOVE : Standing.BELOW;
    }

    /** Every named accuracy against the one named {@code reference}, grouped by standing (in the given order). */
    public static Map<Standing, List<String>> against(String reference, Map<String, Spread> accuracies, int heldOut) {
        Spread ref = accuracies.get(reference);
        if (ref == null) {
            throw new IllegalArgumentException("verdict: no figure named '" + reference + "' among " + accuracies.keySet());
        }
        Map<Standing, List<String>> out = new LinkedHashMap<>();
        for (Standing s : Standing.values()) {
            out.put(s, new ArrayList<>());
        }
        accuracies.forEach((name, spread) -> {
            if (!name.equals(reference)) {
                out.get(compare(spread, ref, heldOut)).add(name);
            }
        });
        return out;
    }

    /**
     * One sentence per standing that has members, e.g. "Clearly above probe: freeze, full." With fewer than two
     * seeds the sentence says that nothing can be ranked.
     */
    public static String sentence(String reference, Map<String, Spread> accuracies, int heldOut) {
        boolean oneSeed = accuracies.values().stream().anyMatch(s -> s.runs() < 2);
        if (oneSeed) {
            return "With a single seed there is no spread to judge by, so nothing is ranked: every row is"
                    + " indistinguishable from the others until several seeds have run.";
        }
        StringBuilder sb = new StringBuilder();
        against(reference, accuracies, heldOut).forEach((standing, names) -> {
            if (!names.isEmpty()) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                String words = standing.words();
                sb.append(Character.toUpperCase(words.charAt(0))).append(words.substring(1)).append(' ')
                        .append(reference).append(": ").append(String.join(", ", names)).append('.');
            }
        });
        return sb.toString();
    }
}
