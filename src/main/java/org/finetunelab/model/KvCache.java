package org.finetunelab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Keys and values of tokens already processed, one pair per layer. During generation each new token then
 * attends to the stored past instead of recomputing it: the work per token stays constant instead of
 * growing with the text. The cache owns its tensors and frees them when closed.
 */
public final class KvCache implements AutoCloseable {
    private final NDManager manager;
    private final NDArray[] keys;
    private final NDArray[] values;
    private int length;

    public KvCache(NDManager parent, int layers) {
        this.manager = parent.newSubManager();
        this.keys = new NDArray[layers];
        this.values = new NDArray[layers];
    }

    /** Number of positions stored so far. */
    public int length() {
        return length;
    }

    NDArray keys(int layer) {
        return keys[layer];
    }

    NDArray values(int layer) {
        return values[layer];
    }

    /** Stores the full (past + new) keys and values of one layer, shape (B, H, T, headSize). */
    void store(int layer, NDArray k, NDArray v) {
        NDArray oldK = keys[layer];
        NDArray oldV = values[layer];
        k.attach(manager);
        v.attach(manager);
        keys[layer] = k;
        values[layer] = v;
        if (oldK != null && oldK != k) {
            oldK.close();
            oldV.close();
        }
        if (layer == keys.length - 1) {
            length = Math.toIntExact(k.getShape().get(2));
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
