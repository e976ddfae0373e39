package org.finetunelab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Everything one forward pass needs besides the weights: the memory scope its intermediate tensors
 * belong to, and whether the model is training (dropout on) or evaluating (dropout off).
 *
 * <p>Memory rule: an operation's result belongs to the manager of its first operand. Activations are
 * created in {@link #manager()}, so writing {@code activation.op(weight)} keeps every intermediate in this
 * scope, and closing the scope frees them all. When a weight must come first (e.g. a transpose), pass the
 * result through {@link #own(NDArray)}.
 */
public record Forward(NDManager manager, boolean training) {

    /** Moves a tensor into this pass's scope so it is freed with it. */
    public NDArray own(NDArray array) {
        array.attach(manager);
        return array;
    }

    /** A scalar tensor in this scope. Autograd may keep it until backward, so it must not be a temporary. */
    public NDArray scalar(float value) {
        return manager.full(new ai.djl.ndarray.types.Shape(), value);
    }
}
