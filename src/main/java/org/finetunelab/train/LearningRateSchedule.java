package org.finetunelab.train;

/**
 * Linear warm-up from 0 to the peak rate, then a cosine decay to {@code minLr} at the last step. Warm-up
 * keeps the first, noisy updates small; the slow decay lets the model settle into a minimum.
 */
public record LearningRateSchedule(float peakLr, float minLr, long warmupSteps, long totalSteps) {

    public LearningRateSchedule {
        if (!(peakLr > 0) || minLr < 0 || minLr > peakLr) {
            throw new IllegalArgumentException("learning rates must satisfy 0 <= minLr <= peakLr and peakLr > 0; got peak "
                    + peakLr + ", min " + minLr);
        }
        if (warmupSteps < 0 || totalSteps <= 0) {
            throw new IllegalArgumentException("warm-up steps must be >= 0 and total steps > 0; got " + warmupSteps
                    + " and " + totalSteps);
        }
    }

    public float at(long step) {
        if (step < warmupSteps) {
            return peakLr * (step + 1) / warmupSteps;
        }
        long decaySteps = Math.max(1, totalSteps - warmupSteps);
        double progress = Math.min(1.0, (double) (step - warmupSteps) / decaySteps);
        return (float) (minLr + 0.5 * (peakLr - minLr) * (1 + Math.cos(Math.PI * progress)));
    }
}
