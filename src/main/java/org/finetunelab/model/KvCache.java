package org.finetunelab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * Keys and values of tokens already processed, one pair per layer. During generation each new token then
 * attends to the stored past instead of recomputing it: the work per token stays constant instead of
 * growing with the text. The cache owns its tensors and frees them when closed.
 *
 * <p>Each layer gets one buffer for keys and one for values, sized for the whole context when the first
 * pass arrives. New positions are written in place behind the stored ones; growing the cache by
 * concatenation instead would copy every past key and value of every layer at every token.
 */
public final class KvCache implements AutoCloseable {
    private final NDManager manager;
    private final int capacity;
    private final NDArray[] keys;     // (B, H, capacity, headSize); the first `length` positions are filled
    private final NDArray[] values;
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
     * stored ones and returns all of them, past and new, as views of shape (B, H, length + T, headSize)
     * owned by the pass's scope. The length grows once every layer has stored its part.
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
            Shape full = new Shape(shape.get(0), shape.get(1), capacity, shape.get(3));
            keys[layer] = manager.zeros(full, k.getDataType());
            values[layer] = manager.zeros(full, v.getDataType());
        }
        NDIndex fresh = new NDIndex().addAllDim(2).addSliceDim(length, end);
        keys[layer].set(fresh, k);
        values[layer].set(fresh, v);
        NDIndex filled = new NDIndex().addAllDim(2).addSliceDim(0, end);
        NDList pastAndNew = new NDList(f.own(keys[layer].get(filled)), f.own(values[layer].get(filled)));
        if (layer == keys.length - 1) {
            length = Math.toIntExact(end);
        }
        return pastAndNew;
    }

    @Override
    public void close() {
        manager.close();
    }
}
