package org.finetunelab.grading.tasks;

import java.util.Random;

/**
 * Lesson 04: a bottleneck adapter, h + up(relu(down(h))). The down-projection squeezes a width-d hidden vector to
 * m numbers, relu lets it compute something new, the up-projection brings it back and it is added to h. Library
 * counterpart: {@code org.finetunelab.peft.BottleneckAdapter}.
 */
public interface AdapterExercise {
    /** The adapter's parameters: down (d × m), downBias (m), up (m × d), upBias (d). */
    record Weights(double[][] down, double[] downBias, double[][] up, double[] upBias) {
    }

    /**
     * A new adapter: down drawn uniformly from [−1/√d, 1/√d) with {@code rng}, the biases zero and up all zeros, so
     * that the new adapter is the identity and the model starts as the base.
     */
    Weights init(int width, int bottleneck, Random rng);

    /** For each row h of the batch (n × d): h + (relu(h·down + downBias)·up + upBias). Does not change h. */
    double[][] forward(double[][] h, Weights weights);

    /** How many numbers one adapter trains: both matrices and both biases. */
    long parameterCount(int width, int bottleneck);
}
