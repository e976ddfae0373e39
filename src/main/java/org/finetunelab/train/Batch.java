package org.finetunelab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * A batch of token sequences for next-token prediction, kept as plain Java arrays until it is needed.
 * {@code weights} says which positions count in the loss (1) and which do not (0): padding, or the
 * prompt part of an instruction example.
 *
 * @param rows    sequences in the batch (B)
 * @param length  tokens per sequence (T)
 * @param inputs  B·T input ids, row after row
 * @param targets B·T ids the model should predict (the inputs shifted by one)
 * @param weights B·T loss weights
 */
public record Batch(int rows, int length, long[] inputs, long[] targets, float[] weights) {

    public Batch {
        int n = rows * length;
        if (inputs.length != n || targets.length != n || weights.length != n) {
            throw new IllegalArgumentException("a batch of " + rows + "×" + length + " needs " + n
                    + " inputs, targets and weights; got " + inputs.length + ", " + targets.length + ", " + weights.length);
        }
    }

    /** Positions that count in the loss. */
    public double weightSum() {
        double s = 0;
        for (float w : weights) {
            s += w;
        }
        return s;
    }

    public NDArray inputArray(NDManager m) {
        return m.create(inputs, new Shape(rows, length));
    }

    public NDArray targetArray(NDManager m) {
        return m.create(targets, new Shape(rows, length));
    }

    public NDArray weightArray(NDManager m) {
        return m.create(weights, new Shape(rows, length));
    }
}
