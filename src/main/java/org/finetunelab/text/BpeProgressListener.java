package org.finetunelab.text;

/**
 * Receives progress while a {@link BpeTrainer} works, e.g. to drive a progress bar. Called from the training
 * thread, a few hundred times per run at most.
 */
@FunctionalInterface
public interface BpeProgressListener {

    /** The two phases of training, in order. */
    enum Stage {
        /** Reading the corpus and counting words; {@code done}/{@code total} are bytes of the corpus. */
        COUNTING_WORDS,
        /** Learning merges; {@code done}/{@code total} are merges (total = vocab size - base symbols). */
        MERGING
    }

    void onProgress(Stage stage, long done, long total);

    /** A listener that ignores everything. */
    static BpeProgressListener none() {
        return (stage, done, total) -> { };
    }
}
