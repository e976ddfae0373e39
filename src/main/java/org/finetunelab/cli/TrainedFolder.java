package org.finetunelab.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import org.finetunelab.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code finetune train} records beside a trained model or adapter ({@value #FILE}): the base it was trained
 * on, the prompt template it learnt (chat must show instructions the same way), the task and the method.
 */
record TrainedFolder(String base, String template, String task, String method, long steps) {
    static final String FILE = "training.json";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    void writeTo(Path folder) throws IOException {
        AtomicFiles.writeString(folder.resolve(FILE), GSON.toJson(this) + "\n");
    }

    /** The record in {@code folder}, or null when the folder has none (a model not trained by this command). */
    static TrainedFolder readFrom(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            TrainedFolder t = GSON.fromJson(Files.readString(file), TrainedFolder.class);
            if (t == null || t.template() == null) {
                throw new IllegalArgumentException(file + ": no \"template\" field");
            }
            return t;
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(file + " is not valid JSON: " + e.getMessage());
        }
    }
}
