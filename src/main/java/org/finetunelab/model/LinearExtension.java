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

    /**
     * Changes the layer's input before the weights see it (IA3 rescales the MLP's inner activation this
     * way). The default leaves it as it is.
     */
    public NDArray input(Forward f, NDArray x) {
        return x;
    }
}
