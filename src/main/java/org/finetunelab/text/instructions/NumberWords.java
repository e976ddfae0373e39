package org.finetunelab.text.instructions;

import java.util.List;

/** Numbers from 0 to 99 in English words, with a hyphen between tens and units: forty-two. */
public final class NumberWords {
    private static final List<String> SMALL = List.of("zero", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen");
    private static final List<String> TENS = List.of("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
            "eighty", "ninety");

    private NumberWords() {
    }

    public static String of(int n) {
        if (n < 0 || n > 99) {
            throw new IllegalArgumentException("only 0 to 99, got " + n);
        }
        return n < 20 ? SMALL.get(n) : TENS.get(n / 10) + (n % 10 == 0 ? "" : "-" + SMALL.get(n % 10));
    }

    /** The number written in {@code text} with digits (0-999) or in words (0-99, hyphen or space); -1 otherwise. */
    public static int parse(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (t.matches("\\d{1,3}")) {
            return Integer.parseInt(t);
        }
        for (int n = 0; n < 100; n++) {
            if (of(n).equals(t.replace(' ', '-'))) {
                return n;
            }
        }
        return -1;
    }
}
