package org.finetunelab.model;

import ai.djl.ndarray.NDArray;

/** A small trainable transformation of a sub-layer's output (bottleneck adapters). */
public abstract class ResidualAdapter extends Module {
    public abstract NDArray forward(Forward f, NDArray x);
}
