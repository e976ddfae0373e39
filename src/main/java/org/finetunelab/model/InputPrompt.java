package org.finetunelab.model;

import ai.djl.ndarray.NDArray;

/** Learned vectors placed in front of the token embeddings (prompt tuning). */
public abstract class InputPrompt extends Module {
    public abstract int length();

    /** x (B, T, D) → (B, length + T, D). */
    public abstract NDArray prepend(Forward f, NDArray x);
}
