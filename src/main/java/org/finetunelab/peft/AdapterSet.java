package org.finetunelab.peft;

import org.finetunelab.model.GenerationConfig;
import org.finetunelab.model.Gpt;
import org.finetunelab.model.LanguageModel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One base model, many adapters: the base weights are held once in memory, each adapter adds its few
 * weights beside them, and switching is a flag, not a reload. {@value #NONE} switches every adapter off and
 * gives the base model back. LoRA adapters can also be mixed: the weighted sum of their updates.
 * <pre>{@code
 * var set = new AdapterSet(lm);
 * set.load("poet", Path.of("adapters/poet"));
 * set.load("pirate", Path.of("adapters/pirate"));
 * set.generate("poet", "The sea", config);           // = set.activate("poet"); lm.generate("The sea", config)
 * set.generate(AdapterSet.NONE, "The sea", config);  // the base model
 * }</pre>
 * The set switches adapters inside {@code lm}'s model, so {@code lm.generate} always uses the active one.
 */
public final class AdapterSet {
    public static final String NONE = "none";

    private final LanguageModel lm;
    private final Gpt model;
    private final Map<String, FineTuningMethod> adapters = new LinkedHashMap<>();
    private String active = NONE;

    public AdapterSet(LanguageModel lm) {
        this.lm = lm;
        this.model = lm.model();
    }

    /** Adds an adapter already applied to this set's model; the active adapter stays as it was. */
    public FineTuningMethod add(FineTuningMethod method) {
        if (method.model() != model) {
            throw new IllegalArgumentException("adapter '" + method.name() + "' was applied to another model object; "
                    + "apply it to the model this set holds.");
        }
        if (!method.switchable()) {
            throw new IllegalArgumentException("'" + method.kind() + "' changes the base weights themselves, so it "
                    + "cannot be switched; an adapter set holds lora, adapters, prompt, prefix or ia3.");
        }
        if (adapters.containsKey(method.name())) {
            throw new IllegalArgumentException("the set already has an adapter named '" + method.name() + "'.");
        }
        adapters.put(method.name(), method);
        if (active.equals("mix")) {
            method.setEnabled(false);
        } else {
            apply(active);
        }
        return method;
    }

    /** Loads a saved adapter (see {@link FineTuning#load}) into the set under {@code name}. */
    public FineTuningMethod load(String name, Path folder) throws IOException {
        Targets.checkName(name);
        if (adapters.containsKey(name)) {
            throw new IllegalArgumentException("the set already has an adapter named '" + name + "'.");
        }
        return add(FineTuning.load(model, folder, name));
    }

    public Set<String> names() {
        return Collections.unmodifiableSet(adapters.keySet());
    }

    public FineTuningMethod get(String name) {
        FineTuningMethod m = adapters.get(name);
        if (m == null) {
            throw new IllegalArgumentException("no adapter named '" + name + "' in the set; it holds " + adapters.keySet()
                    + " (and '" + NONE + "' for the base model).");
        }
        return m;
    }

    /** The active adapter's name, {@value #NONE}, or {@code mix} after {@link #combine}. */
    public String active() {
        return active;
    }

    /** Switches to one adapter ({@value #NONE} = the base model). */
    public void activate(String name) {
        if (!name.equals(NONE)) {
            get(name);
        }
        apply(name);
        active = name;
    }

    private void apply(String name) {
        if (name.equals("mix")) {
            return;
        }
        for (FineTuningMethod m : adapters.values()) {
            if (m instanceof Lora lora) {
                lora.setWeight(1f);
            }
            m.setEnabled(m.name().equals(name));
        }
    }

    /**
     * Mixes LoRA adapters: the model uses W + Σ wᵢ·ΔWᵢ. Weights (1, 0) give the first adapter alone; (0.5, 0.5)
     * their average. Adapters not named are switched off.
     */
    public void combine(Map<String, Float> weights) {
        for (String name : weights.keySet()) {
            if (!(get(name) instanceof Lora)) {
                throw new IllegalArgumentException("adapter '" + name + "' is " + get(name).kind() + ": only LoRA updates "
                        + "add up, so only LoRA adapters can be combined.");
            }
        }
        for (FineTuningMethod m : adapters.values()) {
            Float w = weights.get(m.name());
            m.setEnabled(w != null);
            if (w != null) {
                ((Lora) m).setWeight(w);
            }
        }
        active = "mix";
    }

    /** Activates {@code adapter} ({@value #NONE} = the base model) and continues {@code prompt} with it. */
    public String generate(String adapter, String prompt, GenerationConfig config) {
        activate(adapter);
        return lm.generate(prompt, config);
    }
}
