package org.finetunelab.model;

import ai.djl.ndarray.NDArray;

/** Something a fine-tuning method attaches to a {@link Linear} layer to change its output. */
public abstract class LinearExtension extends Module {
    /**
     * @param x the layer's input
     * @param y the layer's output so far
     * @return the new output
     */
    public abstract NDArray apply(Forward f, NDArray x, NDArray y);
}
