package org.finetunelab.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A decoder-only transformer in the GPT-2 layout: token + position embeddings, a stack of pre-LN blocks,
 * a final LayerNorm and a projection back to the vocabulary. Parameter names follow GPT-2
 * ({@code wte}, {@code wpe}, {@code h.N...}, {@code ln_f}), so GPT-2 checkpoints map onto it directly.
 *
 * <p>The model owns its tensors through one {@link NDManager}; close the model to free them.
 */
public final class Gpt extends Module implements AutoCloseable {
    private final GptConfig config;
    private final NDManager manager;
    private final Embedding wte;
    private final Embedding wpe;
    private final List<Block> blocks;
    private final LayerNorm lnF;
    private final Parameter lmHead;   // null when the output projection is tied to wte
    private InputPrompt inputPrompt;

    private Gpt(GptConfig config, NDManager manager, long seed) {
        this.config = config;
        this.manager = manager;
        Random rng = new Random(seed);
        this.wte = child("wte", new Embedding(manager, rng, config.vocabSize(), config.dModel(), 0.02f));
        this.wpe = child("wpe", new Embedding(manager, rng, config.contextLength(), config.dModel(), 0.01f));
        CausalMask mask = new CausalMask(manager, config.contextLength());
        List<Block> list = new ArrayList<>();
        for (int i = 0; i < config.nLayers(); i++) {
            list.add(child("h." + i, new Block(manager, rng, config, i, mask)));
        }
        this.blocks = Collections.unmodifiableList(list);
        this.lnF = child("ln_f", new LayerNorm(manager, config.dModel(), config.layerNormEps()));
        this.lmHead = config.tiedEmbeddings() ? null
                : parameter("lm_head.weight", normal(manager, rng, 0.02f, config.vocabSize(), config.dModel()));
        setTrainable(true);
    }

    /** A freshly initialised model; the same seed always gives the same weights. */
    public static Gpt create(GptConfig config, long seed, Device device) {
        NDManager manager = NDManager.newBaseManager(device);
        try {
            return new Gpt(config, manager, seed);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    public static Gpt create(GptConfig config, long seed) {
        return create(config, seed, Devices.current());
    }

    public GptConfig config() {
        return config;
    }

    public NDManager manager() {
        return manager;
    }

    public Device device() {
        return manager.getDevice();
    }

    public Embedding wte() {
        return wte;
    }

    public List<Block> blocks() {
        return blocks;
    }

    /**
     * Registers an extra block (e.g. a classification head) so that its parameters are trained, counted
     * and saved with the model's.
     */
    public <M extends Module> M addModule(String name, M module) {
        if (children().containsKey(name)) {
            throw new IllegalStateException("the model already has a block named '" + name + "'");
        }
        return child(name, module);
    }

    /** Installs learned virtual tokens in front of every input (prompt tuning). */
    public void setInputPrompt(InputPrompt prompt) {
        if (inputPrompt != null) {
            throw new IllegalStateException("the model already has an input prompt: a method cannot be applied twice.");
        }
        this.inputPrompt = child("prompt", prompt);
    }

    /** Number of positions the input prompt occupies in front of the text (0 without prompt tuning). */
    public int promptLength() {
        return inputPrompt == null ? 0 : inputPrompt.length();
    }

    /** Logits for every position: ids (B, T) → (B, T, vocab). */
    public NDArray forward(Forward f, NDArray ids) {
        return logits(f, hidden(f, ids, null));
    }

    /**
     * The final hidden states (B, T, dModel), reading past positions from {@code cache} when given and
     * adding the new ones to it.
     */
    public NDArray hidden(Forward f, NDArray ids, KvCache cache) {
        long t = ids.getShape().get(1);
        int past = cache == null ? 0 : cache.length();
        int virtual = (past == 0) ? promptLength() : 0;
        if (past + virtual + t > config.contextLength()) {
            throw new IllegalArgumentException("input of " + t + " tokens" + (past > 0 ? " after " + past + " cached" : "")
                    + (virtual > 0 ? " plus " + virtual + " prompt tokens" : "") + " exceeds the model's context of "
                    + config.contextLength() + " tokens: shorten the text or truncate it to the last "
                    + (config.contextLength() - virtual) + " tokens.");
        }
        NDArray x = wte.forward(ids);
        if (virtual > 0) {
            x = inputPrompt.prepend(f, x);
        }
        // The position vectors of rows past…past+total−1: a view of the table, added to every sequence.
        long total = virtual + t;
        NDArray positions = f.own(wpe.table().array().get(new NDIndex().addSliceDim(past, past + total)));
        x = x.add(positions);
        for (Block block : blocks) {
            x = block.forward(f, x, cache);
        }
        x = lnF.forward(x);
        if (virtual > 0) {
            // The virtual tokens only steer the text; predictions are made for the real positions.
            x = x.get(":, " + virtual + ":, :");
        }
        return x;
    }

    /** Projects hidden states onto the vocabulary: (B, T, D) → (B, T, V). */
    public NDArray logits(Forward f, NDArray hidden) {
        NDArray table = lmHead == null ? wte.table().array() : lmHead.array();
        // linear multiplies by the transpose of an (out, in) matrix: the table's (vocab, dModel) layout as it is.
        return hidden.getNDArrayInternal().linear(hidden, table, null).singletonOrThrow();
    }

    public KvCache newCache() {
        return new KvCache(manager, config.nLayers(), config.contextLength());
    }

    /** Parameter counts by name, largest first: what the model spends its memory on. */
    public String parameterSummary() {
        StringBuilder sb = new StringBuilder();
        namedParameters().forEach((name, p) -> sb.append(String.format("%-28s %-16s %,12d%s%n", name,
                p.array().getShape(), p.size(), p.trainable() ? "" : "  (frozen)")));
        sb.append(String.format("%-45s %,12d%n", "total", parameterCount()));
        return sb.toString();
    }

    @Override
    public void close() {
        manager.close();
    }

    /** For tests and tools: a scope whose tensors are freed together. */
    public NDManager newScope() {
        return manager.newSubManager();
    }
}
