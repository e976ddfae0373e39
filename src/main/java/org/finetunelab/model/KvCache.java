package org.finetunelab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

import java.util.Arrays;

/**
 * Keys and values of tokens already processed, one pair per layer. During generation each new token then
 * attends to the stored past instead of recomputing it: the work per token stays constant instead of
 * growing with the text. The cache owns its tensors and frees them when closed.
 *
 * <p>Each layer gets one buffer for keys and one for values, sized for the whole context when the first
 * pass arrives. New positions are written in place behind the stored ones; growing the cache by
 * concatenation instead would copy every past key and value of every layer at every token. Keys are
 * stored transposed, (B, H, headSize, position), the layout the attention's q·kᵀ product reads, so no
 * step has to transpose the whole past again.
 */
public final class KvCache implements AutoCloseable {
    private final NDManager manager;
    private final int capacity;
    private final NDArray[] keys;     // (B, H, headSize, capacity): transposed; the first `length` positions are filled
    private final NDArray[] values;   // (B, H, capacity, headSize)
    private int length;

    /** @param capacity the most positions the cache will hold (the model's context) */
    public KvCache(NDManager parent, int layers, int capacity) {
        this.manager = parent.newSubManager();
        this.capacity = capacity;
        this.keys = new NDArray[layers];
        this.values = new NDArray[layers];
    }

    /** Number of positions stored so far. */
    public int length() {
        return length;
    }

    /**
     * Writes the keys and values of the new positions of one layer, shape (B, H, T, headSize), behind the
     * stored ones and returns all of them, past and new, as views owned by the pass's scope: the keys
     * transposed, (B, H, headSize, length + T), the values (B, H, length + T, headSize). The length grows
     * once every layer has stored its part.
     */
    NDList append(Forward f, int layer, NDArray k, NDArray v) {
        Shape shape = k.getShape();
        long t = shape.get(2);
        long end = length + t;
        if (end > capacity) {
            throw new IllegalArgumentException("the KV cache holds " + capacity + " positions (the model's context) but "
                    + length + " stored plus " + t + " new ones were given: rebuild the cache from the last window.");
        }
        if (keys[layer] == null) {
            keys[layer] = manager.zeros(new Shape(shape.get(0), shape.get(1), shape.get(3), capacity), k.getDataType());
            values[layer] = manager.zeros(new Shape(shape.get(0), shape.get(1), capacity, shape.get(3)), v.getDataType());
        }
        // With one new position, (B, H, 1, hs) and its transpose hold the numbers in the same order: a reshape.
        NDArray kT = t == 1 ? k.reshape(shape.get(0), shape.get(1), shape.get(3), 1) : k.transpose(0, 1, 3, 2);
        write(keys[layer], 3, length, kT);
        write(values[layer], 2, length, v);
        NDList pastAndNew = new NDList(f.own(firstPositions(keys[layer], 3, end)), f.own(firstPositions(values[layer], 2, end)));
        if (layer == keys.length - 1) {
            length = Math.toIntExact(end);
        }
        return pastAndNew;
    }

    // The two helpers below call the engine directly: DJL's general indexing (NDIndex) spends extra engine calls
    // and Java work on each write and read, which at 24 of them per generated token cost about 5% of its time
    // (measured). The lab runs DJL's PyTorch engine on every device.

    /** Copies {@code value} into {@code buffer} at positions from… along {@code axis}, in place. */
    private static void write(NDArray buffer, int axis, long from, NDArray value) {
        long[] start = new long[buffer.getShape().dimension()];
        long[] end = buffer.getShape().getShape();
        long[] step = new long[start.length];
        Arrays.fill(step, 1);
        start[axis] = from;
        end[axis] = from + value.getShape().get(axis);
        JniUtils.indexSet((PtNDArray) buffer, (PtNDArray) value, start, end, step);
    }

    /** Positions 0…end−1 along {@code axis} of {@code buffer}: a view, no copy. */
    private static NDArray firstPositions(NDArray buffer, int axis, long end) {
        return JniUtils.slice((PtNDArray) buffer, axis, 0, end, 1);
    }

    @Override
    public void close() {
        manager.close();
    }
}
