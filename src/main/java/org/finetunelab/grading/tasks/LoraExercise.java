package org.finetunelab.grading.tasks;

import java.util.Random;

/**
 * Lesson 04: a LoRA layer. The frozen weight W (in × out) gets a low-rank update beside it:
 * <pre>  y = x·W + (α/r)·(x·A)·B      A: (in × r), B: (r × out)</pre>
 * Only A and B learn. B starts at zero, so the adapted layer starts exactly as the base. The rank r is the number of
 * columns of A. Library counterpart: {@code org.finetunelab.peft.LoraLayer}.
 */
public interface LoraExercise {
    /** A and B for a new layer. */
    record Weights(double[][] a, double[][] b) {
    }

    /**
     * A new layer's A (in × r), drawn uniformly from [−1/√in, 1/√in) with {@code rng}, and B (r × out), all zeros.
     */
    Weights init(int in, int out, int rank, Random rng);

    /** y = x·W + (α/r)·(x·A)·B for a batch x (n × in). Changes none of its arguments. */
    double[][] forward(double[][] x, double[][] w, double[][] a, double[][] b, double alpha);

    /** The merged weight W + (α/r)·A·B, as a new matrix: W itself stays as it was. */
    double[][] merge(double[][] w, double[][] a, double[][] b, double alpha);

    /**
     * One step of gradient descent on A and B, in place, given dL/dy (n × out) for the batch x: with s = α/r and
     * h = x·A, dL/dB = s·hᵀ·dL/dy and dL/dA = s·xᵀ·(dL/dy·Bᵀ), both computed from the values before the step;
     * then A −= lr·dL/dA and B −= lr·dL/dB. W is frozen: it never changes.
     */
    void sgdStep(double[][] x, double[][] w, double[][] a, double[][] b, double alpha, double[][] gradY, double lr);
}
