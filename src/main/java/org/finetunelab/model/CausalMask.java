package org.finetunelab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The additive causal mask, built once per model and shared by every attention layer: 0 where query i may
 * look at key j (j ≤ i) and −10⁹ where it may not, so that softmax gives those keys zero weight. A pass
 * over T new tokens after P cached ones reads rows P…P+T−1 and columns 0…P+T−1 of it.
 *
 * <p>It lives in the model's manager for the model's whole life, so autograd can always read it, and it
 * is made with tensor ops only (no Java buffers; see DJL-NOTES). DJL has no upper-triangle op, so it is
 * built from index comparisons.
 */
final class CausalMask {
    private final NDArray full;   // (context, context)
    private final int context;

    CausalMask(NDManager manager, int context) {
        this.context = context;
        NDArray queryPos = manager.arange(0, context).reshape(context, 1);
        NDArray keyPos = manager.arange(0, context).reshape(1, context);
        NDArray visible = keyPos.lte(queryPos);
        NDArray zeros = manager.zeros(new Shape(context, context), DataType.FLOAT32);
        NDArray hidden = manager.full(new Shape(context, context), -1e9f, DataType.FLOAT32);
        this.full = NDArrays.where(visible, zeros, hidden);
        for (NDArray temporary : new NDArray[]{queryPos, keyPos, visible, zeros, hidden}) {
            temporary.close();
        }
    }

    /**
     * The mask for {@code t} queries after {@code past} cached positions, shape (t, prefixLength + past + t),
     * owned by the pass's scope; null when every key is visible (a single new token attends to all).
     */
    NDArray slice(Forward f, long t, long past, int prefixLength) {
        if (t == 1) {
            return null;
        }
        if (past + t > context) {
            throw new IllegalArgumentException("attention over " + (past + t) + " positions exceeds the mask of " + context
                    + " positions built for the model's context");
        }
        NDArray mask = f.own(full.get(past + ":" + (past + t) + ", 0:" + (past + t)));
        if (prefixLength > 0) {
            // Prefix keys are always visible.
            mask = f.manager().zeros(new Shape(t, prefixLength), DataType.FLOAT32).concat(mask, 1);
        }
        return mask;
    }
}
