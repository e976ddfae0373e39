package org.finetunelab.grading.tasks;

/**
 * Lesson 08: early stopping. After each evaluation the trainer reports the validation loss; training stops once
 * {@code patience} evaluations in a row have not improved on the best loss so far, and the best weights are restored.
 * Library counterpart: {@code TrainConfig.withEarlyStopping} and the {@code Trainer}.
 */
public interface EarlyStoppingExercise {
    /**
     * Called once before training. An evaluation improves when its loss is below best − minDelta; patience 0
     * means never stop early.
     */
    void configure(int patience, double minDelta);

    /** Called after each evaluation; true when training should stop now. A NaN loss is never an improvement. */
    boolean shouldStop(double validationLoss);

    /**
     * The index (0, 1, 2, … in call order) of the last evaluation that improved, the best one so far: the weights the
     * trainer restores. −1 before the first evaluation.
     */
    int bestEvaluation();
}
