package org.finetunelab.peft;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import org.finetunelab.model.Forward;
import org.finetunelab.model.InputPrompt;
import org.finetunelab.model.Module;
import org.finetunelab.model.Parameter;


/**
 * The learned virtual tokens in front of the input. The model has one such place, so several named prompts
 * share it; the enabled ones are put in front, in the order they were added (normally just one).
 */
final class PromptSlot extends InputPrompt {
    private final EnabledNames enabled = new EnabledNames();

    /** One prompt: a (tokens × d) table of vectors. */
    static final class Prompt extends Module {
        final Parameter embedding;

        Prompt(NDArray values) {
            this.embedding = parameter("embedding", values);
        }

        long tokens() {
            return embedding.array().getShape().get(0);
        }
    }

    void add(String name, Prompt prompt) {
        child(name, prompt);
    }

    boolean has(String name) {
        return children().containsKey(name);
    }

    void setEnabled(String name, boolean on) {
        enabled.set(name, on);
    }

    @Override
    public int length() {
        int n = 0;
        for (var e : children().entrySet()) {
            if (enabled.isEnabled(e.getKey())) {
                n += Math.toIntExact(((Prompt) e.getValue()).tokens());
            }
        }
        return n;
    }

    @Override
    public NDArray prepend(Forward f, NDArray x) {
        long batch = x.getShape().get(0);
        long width = x.getShape().get(2);
        NDList parts = new NDList();
        for (var e : children().entrySet()) {
            if (enabled.isEnabled(e.getKey())) {
                Prompt p = (Prompt) e.getValue();
                parts.add(Init.inPass(f, p.embedding.array(), batch, p.tokens(), width));
            }
        }
        parts.add(x);
        return parts.size() == 1 ? x : NDArrays.concat(parts, 1);
    }
}
