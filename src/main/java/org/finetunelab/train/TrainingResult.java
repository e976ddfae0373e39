package org.finetunelab.train;

/**
 * How a training run ended.
 *
 * @param history      every step's numbers
 * @param stepsDone    steps completed, counting those before a resume
 * @param bestValLoss  lowest validation loss seen (NaN if never evaluated)
 * @param bestStep     step of the best validation loss (-1 if never evaluated)
 * @param stopReason   why training stopped: "completed", "early stopping", "stopped", "diverged"
 * @param seconds      wall-clock time of this run (not counting earlier, resumed-from runs)
 */
public record TrainingResult(TrainingHistory history, long stepsDone, double bestValLoss, long bestStep,
                             String stopReason, double seconds) {
    public double finalTrainLoss() {
        StepRecord last = history.last();
        return last == null ? Double.NaN : last.trainLoss();
    }
}
