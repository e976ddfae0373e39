package org.finetunelab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;

import java.util.Random;

/** The position-wise feed-forward network: widen, apply GELU, project back. */
public final class Mlp extends Module {
    private final GptConfig config;
    private final Linear cFc;
    private final Linear cProj;

    Mlp(NDManager manager, Random rng, GptConfig config) {
        this.config = config;
        int d = config.dModel();
        int hidden = config.mlpRatio() * d;
        this.cFc = child("c_fc", new Linear(manager, rng, d, hidden, 0.02f));
        this.cProj = child("c_proj", new Linear(manager, rng, hidden, d, (float) (0.02 / Math.sqrt(2.0 * config.nLayers()))));
    }

    public Linear cFc() {
        return cFc;
    }

    public Linear cProj() {
        return cProj;
    }

    public NDArray forward(Forward f, NDArray x) {
        NDArray hidden = cFc.forward(f, x);
        hidden = config.activation().equals("gelu_new") ? geluTanh(f, hidden) : Activation.gelu(hidden);
        return cProj.forward(f, hidden);
    }

    /** GPT-2's GELU: 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))). Constants are tensors (see DJL-NOTES). */
    static NDArray geluTanh(Forward f, NDArray x) {
        NDArray cube = x.mul(x).mul(x);
        NDArray inner = x.add(cube.mul(f.scalar(0.044715f))).mul(f.scalar((float) Math.sqrt(2.0 / Math.PI)));
        return x.mul(inner.tanh().add(f.scalar(1f))).mul(f.scalar(0.5f));
    }
}
