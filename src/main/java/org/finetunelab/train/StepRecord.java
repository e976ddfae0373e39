package org.finetunelab.train;

/**
 * What happened in one optimizer step.
 *
 * @param step            0-based index of the step
 * @param trainLoss       mean token loss of the step's batch
 * @param valLoss         validation loss measured after this step, or NaN when none was measured
 * @param learningRate    rate used for the update
 * @param gradNorm        gradient norm before clipping
 * @param tokensPerSecond training throughput of this step
 */
public record StepRecord(long step, double trainLoss, double valLoss, double learningRate, double gradNorm,
                         double tokensPerSecond) {
    public boolean evaluated() {
        return !Double.isNaN(valLoss);
    }
}
