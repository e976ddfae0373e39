package org.finetunelab.text;

/** What to do with an example that is longer than the model's context. */
public enum OverLength {
    /**
     * Keep the prompt and as much of the response as fits, and record a warning; an example whose prompt
     * alone fills the context is left out, also with a warning.
     */
    TRUNCATE,
    /** Stop loading with a {@link DatasetException} that names the file and line. */
    REFUSE
}
