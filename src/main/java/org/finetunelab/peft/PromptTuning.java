package org.finetunelab.peft;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import org.finetunelab.model.Gpt;
import org.finetunelab.model.Parameter;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Prompt tuning (Lester et al., 2021): instead of writing a better prompt, learn one. A few "virtual
 * tokens" — free vectors in embedding space, not words — go in front of every input, and only they are
 * trained. The whole method is tokens × d numbers; every task can have its own prompt on one frozen model.
 */
public final class PromptTuning extends FineTuningMethod {
    private final PromptConfig config;
    private final PromptSlot slot;
    private final PromptSlot.Prompt prompt;

    private PromptTuning(Gpt model, PromptConfig config, String name, PromptSlot slot, PromptSlot.Prompt prompt) {
        super("prompt", name, model);
        this.config = config;
        this.slot = slot;
        this.prompt = prompt;
    }

    static PromptTuning apply(Gpt model, PromptConfig config, String name) {
        Targets.checkName(name);
        int context = model.config().contextLength();
        int used = model.promptLength();
        if (config.virtualTokens() + used + 1 > context) {
            throw new IllegalArgumentException("prompt config field 'virtualTokens' = " + config.virtualTokens()
                    + (used > 0 ? " (plus " + used + " virtual tokens already installed)" : "")
                    + " leaves no room for text in the model's context of " + context + " tokens: use at most "
                    + (context - used - 1) + ".");
        }
        PromptSlot slot;
        if (model.children().get("prompt") instanceof PromptSlot existing) {
            if (existing.has(name)) {
                throw new IllegalStateException("prompt '" + name + "' is already applied: a method cannot be applied "
                        + "twice. Give the second prompt another name.");
            }
            slot = existing;
        } else {
            slot = new PromptSlot();
            model.setInputPrompt(slot);
        }
        BaseWeights.freezeBase(model);
        PromptSlot.Prompt prompt = new PromptSlot.Prompt(initialValues(model, config));
        slot.add(name, prompt);
        prompt.setTrainable(true);
        return new PromptTuning(model, config, name, slot, prompt);
    }

    private static NDArray initialValues(Gpt model, PromptConfig config) {
        Random rng = new Random(config.seed());
        NDArray table = model.wte().table().array();
        int n = config.virtualTokens();
        int vocab = model.wte().rows();
        switch (config.init()) {
            case "random" -> {
                float std;
                try (NDScope scope = new NDScope()) {   // the scale of the model's own embeddings
                    NDArray centred = table.sub(table.mean());
                    std = (float) Math.sqrt(centred.square().mean().getFloat());
                    scope.suppressNotUsedWarning();
                }
                return Init.normal(model.manager(), rng, std, n, model.config().dModel());
            }
            case "vocabulary", "text" -> {
                long[] ids = new long[n];
                for (int i = 0; i < n; i++) {
                    if (config.init().equals("text")) {
                        ids[i] = config.textIds().get(i % config.textIds().size());
                    } else {
                        ids[i] = rng.nextInt(vocab);
                    }
                    if (ids[i] < 0 || ids[i] >= vocab) {
                        throw new IllegalArgumentException("prompt config field 'textIds' holds id " + ids[i]
                                + ", outside the vocabulary of " + vocab + " tokens.");
                    }
                }
                NDArray rows;
                try (NDScope scope = new NDScope()) {
                    rows = table.get(model.manager().create(ids)).duplicate();
                    scope.unregister(rows);
                }
                return rows;
            }
            default -> throw new IllegalArgumentException("unknown prompt init '" + config.init() + "'");
        }
    }

    @Override
    public PromptConfig config() {
        return config;
    }

    @Override
    public Map<String, Parameter> weights() {
        return Map.of("prompt.embedding", prompt.embedding);
    }

    @Override
    public List<String> modules() {
        return List.of("prompt." + name());
    }

    /** The learned vectors (tokens × d). */
    public Parameter embedding() {
        return prompt.embedding;
    }

    @Override
    public boolean switchable() {
        return true;
    }

    @Override
    public void setEnabled(boolean enabled) {
        slot.setEnabled(name(), enabled);
    }
}
