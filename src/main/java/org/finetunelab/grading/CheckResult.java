package org.finetunelab.grading;

/**
 * The outcome of one check. {@code check} is the check's method name ({@code scalesByAlphaOverRank}); the table
 * shows it as words. A check earns all its points or none.
 */
public record CheckResult(String exercise, String check, int points, boolean instructor, Status status, String message,
                          String hint) {

    public enum Status {
        PASSED, FAILED,
        /** Ran past the time limit: an endless loop, or far too slow. */
        TIMED_OUT,
        /** The grading JVM stopped during this check: System.exit, a native crash, or out of memory. */
        CRASHED,
        /** Never ran: the file is missing or does not compile. */
        NOT_RUN
    }

    public int earned() {
        return status == Status.PASSED ? points : 0;
    }

    public boolean passed() {
        return status == Status.PASSED;
    }

    /**
     * The check's name as words: {@code scalesByAlphaOverRank} → "scales by alpha over rank". A capital letter on its
     * own names a matrix or an index and stays: {@code startsBAtZero} → "starts B at zero".
     */
    public String title() {
        java.util.regex.Matcher words = java.util.regex.Pattern.compile("[A-Z]?[a-z0-9]+|[A-Z]").matcher(check);
        StringBuilder title = new StringBuilder();
        while (words.find()) {
            String word = words.group();
            boolean single = word.length() == 1 && Character.isUpperCase(word.charAt(0));
            if (title.length() > 0) {
                title.append(' ');
            }
            title.append(single && title.length() > 0 ? word : word.toLowerCase(java.util.Locale.ROOT));
        }
        return title.toString();
    }
}
