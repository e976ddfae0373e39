package org.finetunelab.text.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * A text package installed from Debian, read into clean plain-English documents.
 * Each implementation knows its file format and strips that format's markup.
 */
public interface CorpusSource {

    /** Short name used in statistics, e.g. {@code "gcide"}. */
    String name();

    /** The Debian package that installs the files, e.g. {@code "dict-gcide"}. */
    String debianPackage();

    /** Every file the source reads; their sizes and dates decide whether a build is still up to date. */
    List<Path> inputFiles();

    /** Reads all inputs and hands each cleaned document to {@code sink}, in a fixed order. */
    void read(Consumer<Document> sink) throws IOException;

    /** Fails with an install hint when a file of this source is missing. */
    default void checkInstalled() {
        for (Path file : inputFiles()) {
            if (!Files.isReadable(file)) {
                throw new MissingSourceException(name(), debianPackage(), file);
            }
        }
    }
}
