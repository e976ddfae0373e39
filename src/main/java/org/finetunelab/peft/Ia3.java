package org.finetunelab.peft;

import org.finetunelab.model.Block;
import org.finetunelab.model.Gpt;
import org.finetunelab.model.Linear;
import org.finetunelab.model.Parameter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IA3 (Liu et al., 2022, "Infused Adapter by Inhibiting and Amplifying Inner Activations"): the smallest
 * method here. It learns one number per channel that amplifies or damps the attention's keys and values
 * and the MLP's inner activation — a few thousand numbers in all. Starting at 1, the model starts as the base.
 */
public final class Ia3 extends FineTuningMethod {
    private final Ia3Config config;
    private final Map<String, Ia3Scaling> scalings = new LinkedHashMap<>();   // by layer path

    private Ia3(Gpt model, Ia3Config config, String name) {
        super("ia3", name, model);
        this.config = config;
    }

    static Ia3 apply(Gpt model, Ia3Config config, String name) {
        Targets.checkName(name);
        String child = "ia3_" + name;
        if (model.blocks().get(0).attn().cAttn().children().containsKey(child)
                || model.blocks().get(0).mlp().cProj().children().containsKey(child)) {
            throw new IllegalStateException("IA3 '" + name + "' is already applied: a method cannot be applied twice. "
                    + "Give the second one another name.");
        }
        BaseWeights.freezeBase(model);
        Ia3 method = new Ia3(model, config, name);
        int d = model.config().dModel();
        for (int i = 0; i < model.blocks().size(); i++) {
            Block block = model.blocks().get(i);
            if (config.keysAndValues()) {
                method.install("h." + i + ".attn.c_attn", block.attn().cAttn(), child,
                        Ia3Scaling.keysAndValues(model.manager(), d));
            }
            if (config.mlp()) {
                Linear proj = block.mlp().cProj();
                method.install("h." + i + ".mlp.c_proj", proj, child,
                        Ia3Scaling.mlpInput(model.manager(), proj.inFeatures()));
            }
        }
        return method;
    }

    private void install(String path, Linear layer, String child, Ia3Scaling scaling) {
        layer.extend(child, scaling);
        scaling.setTrainable(true);
        scalings.put(path, scaling);
    }

    @Override
    public Ia3Config config() {
        return config;
    }

    @Override
    public Map<String, Parameter> weights() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        scalings.forEach((path, s) -> s.namedParameters().forEach((n, p) -> out.put(path + ".ia3_" + n, p)));
        return out;
    }

    @Override
    public List<String> modules() {
        List<String> out = new ArrayList<>();
        scalings.keySet().forEach(path -> out.add(path + ".ia3_" + name()));
        return out;
    }

    @Override
    public boolean switchable() {
        return true;
    }

    @Override
    public void setEnabled(boolean enabled) {
        scalings.values().forEach(s -> s.setEnabled(enabled));
    }
}
