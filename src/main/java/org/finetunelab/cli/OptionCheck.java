package org.finetunelab.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks of option values that name the option as the user typed it ({@code -n/--max-new-tokens}), so that a
 * mistake gets a one-line answer in the user's terms instead of a library field name or a stack trace.
 */
final class OptionCheck {
    private OptionCheck() {
    }

    static int atLeast(int value, int min, String option) {
        if (value < min) {
            throw new IllegalArgumentException(option + " must be at least " + min + ", got " + value);
        }
        return value;
    }

    static long atLeast(long value, long min, String option) {
        if (value < min) {
            throw new IllegalArgumentException(option + " must be at least " + min + ", got " + value);
        }
        return value;
    }

    static int between(int value, int min, int max, String option, String why) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(String.format("%s must be between %,d and %,d%s, got %,d",
                    option, min, max, why.isEmpty() ? "" : " (" + why + ")", value));
        }
        return value;
    }

    /** A number in [min, max]; NaN and infinities are refused too. */
    static float between(float value, float min, float max, String option, String why) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(option + " must be between " + plain(min) + " and " + plain(max)
                    + (why.isEmpty() ? "" : " (" + why + ")") + ", got " + plain(value));
        }
        return value;
    }

    /** A probability in (0, 1]. */
    static float probability(float value, String option) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(option + " must be above 0 and at most 1 (a probability), got " + plain(value));
        }
        return value;
    }

    /** 100 rather than 100.0; 0.95 stays 0.95. */
    private static String plain(float x) {
        return x == Math.rint(x) && !Float.isInfinite(x) ? String.valueOf((long) x) : String.valueOf(x);
    }

    /** An existing regular file to read. */
    static Path existingFile(Path file, String option) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(option + " " + file + " is a folder; give a file");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(option + " " + file + " does not exist");
        }
        return file;
    }

    /** An existing folder to read. */
    static Path existingFolder(Path folder, String option) {
        if (Files.isRegularFile(folder)) {
            throw new IllegalArgumentException(option + " " + folder + " is a file; give a folder");
        }
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(option + " " + folder + " does not exist");
        }
        return folder;
    }

    /** The text of a UTF-8 file given with {@code option}. */
    static String readText(Path file, String option) throws java.io.IOException {
        existingFile(file, option);
        try {
            return Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException(option + " " + file + " is not UTF-8 text");
        }
    }

    /** An output file (may be null when not asked for); its folders are created when it is written. */
    static Path notAFolder(Path file, String option) {
        if (file != null && Files.isDirectory(file)) {
            throw new IllegalArgumentException(option + " " + file + " is a folder; give a file name");
        }
        return file;
    }

    /** A file to write: not a folder, and its folder must exist (nothing is created behind the user's back). */
    static Path writableFile(Path file, String option) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(option + " " + file + " is a folder; give a file name");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IllegalArgumentException(option + " " + file + ": the folder " + parent + " does not exist");
        }
        return file;
    }

    static String nonEmpty(String text, String what) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        return text;
    }
}
