package org.finetunelab.text.corpus;

/** Told what the builder is doing, so a CLI or a notebook can show it. */
@FunctionalInterface
public interface CorpusProgress {
    /** Reports nothing. */
    CorpusProgress NONE = (stage, step, steps) -> { };

    /**
     * @param stage what is happening now, e.g. {@code "reading gcide"}
     * @param step  how many steps are done (0-based count)
     * @param steps how many steps there are in all
     */
    void update(String stage, int step, int steps);
}
