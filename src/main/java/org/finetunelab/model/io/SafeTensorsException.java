package org.finetunelab.model.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** A safetensors file that cannot be read: the message names the file, the tensor and what is wrong. */
public class SafeTensorsException extends IOException {
    private final transient Path file;
    private final String tensor;

    public SafeTensorsException(Path file, String tensor, String problem) {
        super(file + (tensor == null ? "" : ", tensor '" + tensor + "'") + ": " + problem);
        this.file = file;
        this.tensor = tensor;
    }

    /** The file that was being read. */
    public Path file() {
        return file;
    }

    /** The tensor concerned, when the problem belongs to one. */
    public Optional<String> tensor() {
        return Optional.ofNullable(tensor);
    }
}
