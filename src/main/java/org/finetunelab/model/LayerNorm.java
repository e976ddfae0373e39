package org.finetunelab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Normalises each hidden vector to zero mean and unit variance, then scales and shifts it (γ, β). */
public final class LayerNorm extends Module {
    private final Parameter gamma;
    private final Parameter beta;
    private final float eps;
    private final Shape normalizedShape;

    public LayerNorm(NDManager manager, int dim, float eps) {
        this.gamma = parameter("weight", manager.ones(new Shape(dim)));
        this.beta = parameter("bias", manager.zeros(new Shape(dim)));
        this.eps = eps;
        this.normalizedShape = new Shape(dim);
    }

    public NDArray forward(NDArray x) {
        return x.getNDArrayInternal().layerNorm(x, normalizedShape, gamma.array(), beta.array(), eps).singletonOrThrow();
    }
}
