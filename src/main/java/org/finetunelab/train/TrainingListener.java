package org.finetunelab.train;

/** Callbacks from the trainer: progress bars, live charts, logging. All methods are optional. */
public interface TrainingListener {
    default void onStart(long firstStep, long totalSteps) {
    }

    default void onStep(StepRecord record) {
    }

    default void onCheckpoint(long step, java.nio.file.Path folder) {
    }

    default void onEnd(TrainingResult result) {
    }
}
