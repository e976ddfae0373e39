package org.finetunelab.model;

import ai.djl.ndarray.NDList;

/** Learned keys and values prepended in one attention layer (prefix tuning). */
public abstract class AttentionPrefix extends Module {
    /** @return keys and values, each of shape (B, H, prefixLength, headSize) */
    public abstract NDList keysAndValues(Forward f, long batchSize);
}
