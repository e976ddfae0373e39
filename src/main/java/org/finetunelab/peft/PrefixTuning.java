package org.finetunelab.peft;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.finetunelab.model.CausalSelfAttention;
import org.finetunelab.model.Forward;
import org.finetunelab.model.Gpt;
import org.finetunelab.model.GptConfig;
import org.finetunelab.model.Parameter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Prefix tuning (Li &amp; Liang, 2021): like prompt tuning, but deeper. Every attention layer gets a few
 * learned key/value pairs in front of the real ones, so every position of every layer can attend to them.
 * The text's own tokens and positions are unchanged; the prefixes act as a learned context the model reads.
 * Optionally trained through an MLP ({@link PrefixEncoder}) and folded into plain prefixes afterwards.
 */
public final class PrefixTuning extends FineTuningMethod {
    private final PrefixConfig config;
    private final List<PrefixSlot> slots = new ArrayList<>();
    private final List<PrefixSlot.LayerPrefix> prefixes = new ArrayList<>();
    private PrefixEncoder encoder;

    private PrefixTuning(Gpt model, PrefixConfig config, String name) {
        super("prefix", name, model);
        this.config = config;
    }

    static PrefixTuning apply(Gpt model, PrefixConfig config, String name) {
        Targets.checkName(name);
        GptConfig gc = model.config();
        for (var block : model.blocks()) {
            if (block.attn().children().get("prefix") instanceof PrefixSlot slot && slot.has(name)) {
                throw new IllegalStateException("prefix '" + name + "' is already applied: a method cannot be applied "
                        + "twice. Give the second prefix another name.");
            }
        }
        BaseWeights.freezeBase(model);
        PrefixTuning method = new PrefixTuning(model, config, name);
        Random rng = new Random(config.seed());
        if (config.projection()) {
            method.encoder = model.addModule("prefix_encoder_" + name,
                    new PrefixEncoder(model.manager(), rng, config, gc.nLayers(), gc.dModel()));
            method.encoder.setTrainable(true);
        }
        for (int i = 0; i < gc.nLayers(); i++) {
            CausalSelfAttention attn = model.blocks().get(i).attn();
            PrefixSlot slot;
            if (attn.children().get("prefix") instanceof PrefixSlot existing) {
                slot = existing;
            } else {
                slot = new PrefixSlot(gc.nHeads(), gc.headSize());
                attn.setPrefix("prefix", slot);
            }
            long[] shape = {gc.nHeads(), config.prefixLength(), gc.headSize()};
            var prefix = new PrefixSlot.LayerPrefix(Init.normal(model.manager(), rng, 0.02f, shape),
                    Init.normal(model.manager(), rng, 0.02f, shape), i, method.encoder);
            slot.add(name, prefix);
            // With the MLP, the plain prefixes wait (frozen, unused) until fold() fills them.
            prefix.setTrainable(method.encoder == null);
            method.slots.add(slot);
            method.prefixes.add(prefix);
        }
        return method;
    }

    /**
     * Computes the prefixes from the MLP once and stores them as plain per-layer prefixes: the outputs stay
     * the same, the MLP is no longer needed (and no longer trained or saved).
     */
    public void fold() {
        if (encoder == null) {
            return;
        }
        try (NDManager scope = model().newScope()) {
            Forward f = new Forward(scope, false);
            for (PrefixSlot.LayerPrefix p : prefixes) {
                var kv = p.keysAndValues(f, 1);
                p.keys.copyFrom(kv.get(0).squeeze(0));
                p.values.copyFrom(kv.get(1).squeeze(0));
                p.encoder = null;
                p.setTrainable(true);
            }
        }
        encoder.setTrainable(false);
        encoder = null;
    }

    /** True while the prefixes come from the MLP (before {@link #fold()}). */
    public boolean usesProjection() {
        return encoder != null;
    }

    /** The settings; after {@link #fold()} without the MLP, since only plain prefixes remain. */
    @Override
    public PrefixConfig config() {
        return encoder != null ? config : new PrefixConfig(config.prefixLength(), false, 0, 0, config.seed());
    }

    /** The plain prefixes; while the MLP is used, its weights instead (under {@code encoder.}). */
    @Override
    public Map<String, Parameter> weights() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        if (encoder != null) {
            encoder.namedParameters().forEach((n, p) -> out.put("encoder." + n, p));
            return out;
        }
        for (PrefixSlot.LayerPrefix p : prefixes) {
            out.put("h." + p.layer + ".attn.prefix.keys", p.keys);
            out.put("h." + p.layer + ".attn.prefix.values", p.values);
        }
        return out;
    }

    @Override
    public List<String> modules() {
        List<String> out = new ArrayList<>();
        if (encoder != null) {
            out.add("prefix_encoder_" + name());
        }
        prefixes.forEach(p -> out.add("h." + p.layer + ".attn.prefix." + name()));
        return out;
    }

    @Override
    public boolean switchable() {
        return true;
    }

    @Override
    public void setEnabled(boolean enabled) {
        slots.forEach(s -> s.setEnabled(name(), enabled));
    }
}
