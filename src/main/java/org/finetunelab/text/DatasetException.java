package org.finetunelab.text;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A dataset file that cannot be used as it is. The message names the file, the line and the field when
 * they are known, says what is wrong, and ends with how to fix it.
 */
public class DatasetException extends IllegalArgumentException {
    private final transient Path file;
    private final long line;
    private final String field;

    /**
     * @param line    1-based line number, or 0 when the problem is not about one line
     * @param field   the field concerned, or null
     * @param problem what is wrong, e.g. "field 'prompt' is empty"
     * @param fix     how to fix it, e.g. "write the prompt text between the quotes"
     */
    public DatasetException(Path file, long line, String field, String problem, String fix) {
        super(file + (line > 0 ? ", line " + line : "") + ": " + problem + ". Fix: " + fix);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    /** The dataset file. */
    public Path file() {
        return file;
    }

    /** The 1-based line number, or 0 when the problem concerns the whole file. */
    public long line() {
        return line;
    }

    /** The field concerned, if any. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
