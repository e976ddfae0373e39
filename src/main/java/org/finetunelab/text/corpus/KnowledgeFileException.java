package org.finetunelab.text.corpus;

import java.nio.file.Path;

/** A line of a knowledge file is wrong; the message names the file, the line and the field. */
public class KnowledgeFileException extends IllegalArgumentException {
    private final Path file;
    private final int line;
    private final String field;

    public KnowledgeFileException(Path file, int line, String field, String problem) {
        super(file + " line " + line + (field.isEmpty() ? "" : ", field '" + field + "'") + ": " + problem);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    public Path file() {
        return file;
    }

    /** 1-based line number. */
    public int line() {
        return line;
    }

    /** The JSON field at fault, or an empty string when the line as a whole is wrong. */
    public String field() {
        return field;
    }
}
