package org.finetunelab.text.corpus;

import java.nio.file.Path;

/** A corpus source's file is not on this machine; the message says which Debian package provides it. */
public class MissingSourceException extends IllegalStateException {
    private final String debianPackage;

    public MissingSourceException(String source, String debianPackage, Path missingFile) {
        super("Corpus source '" + source + "' needs " + missingFile + ", which is installed by the Debian package "
                + debianPackage + ". Install it with: sudo apt-get install " + debianPackage);
        this.debianPackage = debianPackage;
    }

    /** The package to install. */
    public String debianPackage() {
        return debianPackage;
    }
}
