package org.finetunelab.train;

import java.nio.file.Path;

/** The loss became NaN or infinite: the weights were not updated with that step. */
public final class TrainingDivergedException extends RuntimeException {
    private final long step;

    public TrainingDivergedException(long step, double loss, float learningRate, Path checkpoint) {
        super("training diverged at step " + step + ": the loss is " + loss + ". The weights were left as they were "
                + "before this step" + (checkpoint != null ? " and the last good checkpoint in " + checkpoint + " is kept" : "")
                + ". Try a smaller learning rate (e.g. " + learningRate / 3 + " instead of " + learningRate
                + "), gradient clipping, or a longer warm-up.");
        this.step = step;
    }

    public long step() {
        return step;
    }
}
