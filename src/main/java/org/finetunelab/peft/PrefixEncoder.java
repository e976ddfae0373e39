package org.finetunelab.peft;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.finetunelab.model.Forward;
import org.finetunelab.model.Linear;
import org.finetunelab.model.Module;
import org.finetunelab.model.Parameter;

import java.util.Random;

/**
 * The re-parameterisation of prefix tuning (Li &amp; Liang, 2021): instead of learning every layer's keys and
 * values directly, learn a few small vectors and an MLP that turns them into all of them at once. The
 * prefixes then move together, which trains more stably; after training only the MLP's output is kept.
 */
final class PrefixEncoder extends Module {
    private final Parameter embedding;
    private final Linear hidden;
    private final Linear output;
    private Forward lastPass;
    private NDArray lastOutput;

    PrefixEncoder(NDManager manager, Random rng, PrefixConfig config, int layers, int width) {
        this.embedding = parameter("embedding", Init.normal(manager, rng, 1f, config.prefixLength(), config.embeddingDim()));
        this.hidden = child("hidden", new Linear(manager, rng, config.embeddingDim(), config.hiddenDim(), 0.02f));
        this.output = child("output", new Linear(manager, rng, config.hiddenDim(), 2 * layers * width, 0.02f));
    }

    /**
     * Every layer's keys and values side by side: (prefixLength, layers · 2 · width). Computed once per
     * forward pass and shared by the layers.
     */
    NDArray prefixes(Forward f) {
        if (lastPass != f) {
            long[] shape = embedding.array().getShape().getShape();
            NDArray e = Init.inPass(f, embedding.array(), shape);
            lastOutput = output.forward(f, hidden.forward(f, e).tanh());
            lastPass = f;
        }
        return lastOutput;
    }
}
