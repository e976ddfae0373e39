package org.finetunelab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.SparseFormat;

import java.util.Random;

/** A lookup table: row i is the learned vector of token (or position) i. */
public final class Embedding extends Module {
    private final Parameter table;

    public Embedding(NDManager manager, Random rng, int rows, int dim, float initStd) {
        this.table = parameter("weight", normal(manager, rng, initStd, rows, dim));
    }

    public Parameter table() {
        return table;
    }

    public int rows() {
        return Math.toIntExact(table.array().getShape().get(0));
    }

    /** ids of shape (B, T) become vectors of shape (B, T, dim). */
    public NDArray forward(NDArray ids) {
        return ids.getNDArrayInternal().embedding(ids, table.array(), SparseFormat.DENSE).singletonOrThrow();
    }
}
