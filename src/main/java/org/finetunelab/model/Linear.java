package org.finetunelab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.Random;

/**
 * y = x·W + b, with W stored as (in, out) — the layout of GPT-2's "Conv1D", so GPT-2 weights load as they
 * are. Fine-tuning methods attach {@link LinearExtension}s that change the output (LoRA adds a low-rank
 * update, IA3 rescales it) without touching W.
 */
public class Linear extends Module {
    private final int in;
    private final int out;
    private final Parameter weight;
    private final Parameter bias;
    private final java.util.List<LinearExtension> extensions = new java.util.ArrayList<>();

    public Linear(NDManager manager, Random rng, int in, int out, float initStd) {
        this.in = in;
        this.out = out;
        this.weight = parameter("weight", normal(manager, rng, initStd, in, out));
        this.bias = parameter("bias", manager.zeros(new ai.djl.ndarray.types.Shape(out)));
    }

    public int inFeatures() {
        return in;
    }

    public int outFeatures() {
        return out;
    }

    public Parameter weight() {
        return weight;
    }

    public Parameter bias() {
        return bias;
    }

    public NDArray forward(Forward f, NDArray x) {
        for (LinearExtension e : extensions) {
            x = e.input(f, x);
        }
        // One fused product-plus-bias (PyTorch's linear, i.e. addmm) instead of a product and a separate add.
        // linear wants the weight as (out, in): the transpose is a view, no copy.
        NDArray y = x.getNDArrayInternal().linear(x, f.own(weight.array().transpose()), bias.array()).singletonOrThrow();
        for (LinearExtension e : extensions) {
            y = e.apply(f, x, y);
        }
        return y;
    }

    /** Adds an extension; its parameters appear under {@code name}. */
    public void extend(String name, LinearExtension extension) {
        if (children().containsKey(name)) {
            throw new IllegalStateException("this layer already has an extension named '" + name
                    + "': a method cannot be applied twice to the same layer.");
        }
        child(name, extension);
        extensions.add(extension);
    }

    public java.util.List<LinearExtension> extensions() {
        return java.util.Collections.unmodifiableList(extensions);
    }
}
