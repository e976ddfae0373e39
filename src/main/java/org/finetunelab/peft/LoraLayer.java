package org.finetunelab.peft;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import org.finetunelab.model.Forward;
import org.finetunelab.model.Linear;
import org.finetunelab.model.LinearExtension;
import org.finetunelab.model.Parameter;

import java.util.Random;

/**
 * LoRA on one linear layer: y = x·W + b + (alpha/r)·x·A·B, with A (in × r) and B (r × out). W stays
 * frozen; only A and B learn, (in + out)·r numbers instead of in·out. B starts at zero, so the layer starts
 * exactly as the base. Stored as (in, r) and (r, out) to match the model's x·W layout; the Hugging Face
 * export transposes them.
 */
public final class LoraLayer extends LinearExtension {
    private final Linear layer;
    private final Parameter a;
    private final Parameter b;
    private final float scale;
    private final float dropout;
    private float mix = 1f;
    private boolean enabled = true;
    private boolean merged;

    LoraLayer(Linear layer, int rank, float scale, float dropout, Random rng) {
        this.layer = layer;
        int in = layer.inFeatures();
        int out = layer.outFeatures();
        var manager = layer.weight().array().getManager();
        // Kaiming-uniform-like: the bound 1/√in keeps x·A at the scale of x.
        this.a = parameter("A", Init.uniform(manager, rng, (float) (1 / Math.sqrt(in)), in, rank));
        this.b = parameter("B", manager.zeros(new Shape(rank, out)));
        this.scale = scale;
        this.dropout = dropout;
    }

    public Parameter a() {
        return a;
    }

    public Parameter b() {
        return b;
    }

    @Override
    public NDArray apply(Forward f, NDArray x, NDArray y) {
        if (!enabled || merged || mix == 0) {
            return y;
        }
        // The scale multiplies the narrow (…, r) middle instead of the (…, out) update: same result, out/r times
        // fewer multiplications in the forward and the backward pass.
        NDArray middle = Init.dropout(f, x, dropout).matMul(a.array()).mul(f.scalar(scale * mix));
        return y.add(middle.matMul(b.array()));
    }

    /** Switches the update on or off; the base layer is untouched either way. */
    void setEnabled(boolean on) {
        this.enabled = on;
    }

    /** Weight of this adapter in a combination of adapters (1 = as trained). */
    void setMix(float weight) {
        this.mix = weight;
    }

    boolean merged() {
        return merged;
    }

    /** W ← W + scale·A·B: the layer then computes the adapted output with no extra cost. */
    void merge() {
        if (!merged) {
            addToWeight(1f);
            merged = true;
        }
    }

    /** W ← W − scale·A·B: gives back the base weights (up to float rounding). */
    void unmerge() {
        if (merged) {
            addToWeight(-1f);
            merged = false;
        }
    }

    /** The adapted layer's own weight W. */
    Parameter baseWeight() {
        return layer.weight();
    }

    /** W + scale·A·B as a new array in {@code manager}, leaving W as it is (just W while the update is switched off). */
    NDArray mergedWeight(ai.djl.ndarray.NDManager manager) {
        float factor = enabled ? scale * mix : 0f;
        NDArray update = a.array().matMul(b.array()).muli(factor);   // outside autograd: a Java number is safe
        NDArray merged = layer.weight().array().add(update);
        update.close();
        merged.attach(manager);
        return merged;
    }

    private void addToWeight(float sign) {
        // Outside autograd, so plain Java numbers are safe; the scope frees the temporaries.
        try (NDScope scope = new NDScope()) {
            layer.weight().array().addi(a.array().matMul(b.array()).muli(sign * scale * mix));
            scope.suppressNotUsedWarning();
        }
    }
}
