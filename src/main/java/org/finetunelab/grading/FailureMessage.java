package org.finetunelab.grading;

import org.junit.jupiter.api.extension.ParameterResolutionException;

import java.util.concurrent.TimeoutException;

/** Turns what a failing check threw into one line a student can act on. */
final class FailureMessage {
    static final int MAX_LENGTH = 300;

    private FailureMessage() {
    }

    static boolean isTimeout(Throwable t) {
        return t instanceof TimeoutException;
    }

    static String of(Throwable thrown) {
        Throwable t = thrown;
        // JUnit wraps what a resolver throws; our own resolver's message is the useful part.
        while (t instanceof ParameterResolutionException && t.getCause() != null) {
            t = t.getCause();
        }
        String text;
        if (t instanceof AssertionError) {
            text = t.getMessage() == null ? "a check failed" : t.getMessage();
        } else if (t instanceof UnsupportedOperationException && t.getMessage() != null && t.getMessage().startsWith("TODO")) {
            text = "not written yet (" + t.getMessage() + ")";
        } else if (t instanceof ParameterResolutionException) {
            text = t.getMessage();
        } else if (isTimeout(t)) {
            text = "did not finish in time: an endless loop?";
        } else {
            text = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage()) + where(t);
        }
        return shorten(text);
    }

    /** " at MyLora.java:42": the first line of the student's code in the stack, where the exception came from. */
    private static String where(Throwable t) {
        for (StackTraceElement e : t.getStackTrace()) {
            String c = e.getClassName();
            if (e.getFileName() != null && e.getLineNumber() > 0 && !c.startsWith("java.") && !c.startsWith("jdk.")
                    && !c.startsWith("sun.") && !c.startsWith("org.junit.") && !c.startsWith("org.finetunelab.")) {
                return " at " + e.getFileName() + ":" + e.getLineNumber();
            }
        }
        return "";
    }

    static String shorten(String text) {
        String one = text.strip().replaceAll("\\s*\\R\\s*", " ");
        return one.length() <= MAX_LENGTH ? one : one.substring(0, MAX_LENGTH - 1) + "…";
    }
}
