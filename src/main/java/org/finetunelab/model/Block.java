package org.finetunelab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.Random;

/**
 * One transformer block, pre-LayerNorm as in GPT-2: x + attention(norm(x)), then x + mlp(norm(x)).
 * The residual additions let each block learn a small correction instead of a whole new representation.
 */
public final class Block extends Module {
    private final GptConfig config;
    private final LayerNorm ln1;
    private final CausalSelfAttention attn;
    private final LayerNorm ln2;
    private final Mlp mlp;
    private ResidualAdapter afterAttention;
    private ResidualAdapter afterMlp;

    Block(NDManager manager, Random rng, GptConfig config, int index, CausalMask mask) {
        this.config = config;
        this.ln1 = child("ln_1", new LayerNorm(manager, config.dModel(), config.layerNormEps()));
        this.attn = child("attn", new CausalSelfAttention(manager, rng, config, index, mask));
        this.ln2 = child("ln_2", new LayerNorm(manager, config.dModel(), config.layerNormEps()));
        this.mlp = child("mlp", new Mlp(manager, rng, config));
    }

    public CausalSelfAttention attn() {
        return attn;
    }

    public Mlp mlp() {
        return mlp;
    }

    /** Installs bottleneck adapters that transform the attention and MLP outputs (Houlsby adapters). */
    public void setAdapters(ResidualAdapter afterAttention, ResidualAdapter afterMlp) {
        if (this.afterAttention != null || this.afterMlp != null) {
            throw new IllegalStateException("this block already has adapters: a method cannot be applied twice.");
        }
        this.afterAttention = child("adapter_attn", afterAttention);
        this.afterMlp = child("adapter_mlp", afterMlp);
    }

    public NDArray forward(Forward f, NDArray x, KvCache cache) {
        NDArray a = attn.forward(f, ln1.forward(x), cache);
        if (afterAttention != null) {
            a = afterAttention.forward(f, a);
        }
        x = x.add(dropout(f, a));
        NDArray m = mlp.forward(f, ln2.forward(x));
        if (afterMlp != null) {
            m = afterMlp.forward(f, m);
        }
        return x.add(dropout(f, m));
    }

    private NDArray dropout(Forward f, NDArray x) {
        if (!f.training() || config.dropout() == 0) {
            return x;
        }
        return x.getNDArrayInternal().dropout(x, config.dropout(), true).singletonOrThrow();
    }
}
