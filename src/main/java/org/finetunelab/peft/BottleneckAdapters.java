package org.finetunelab.peft;

import org.finetunelab.model.Block;
import org.finetunelab.model.Gpt;
import org.finetunelab.model.Parameter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Bottleneck adapters (Houlsby et al., 2019): a small two-layer network after the attention and after the
 * MLP of every block, trained while the base stays frozen. Each adds about 2·d·bottleneck weights per place.
 */
public final class BottleneckAdapters extends FineTuningMethod {
    private final AdapterConfig config;
    private final List<AdapterSlot> slots = new ArrayList<>();
    private final Map<String, BottleneckAdapter> adapters = new LinkedHashMap<>();   // by path

    private BottleneckAdapters(Gpt model, AdapterConfig config, String name) {
        super("adapters", name, model);
        this.config = config;
    }

    static BottleneckAdapters apply(Gpt model, AdapterConfig config, String name) {
        Targets.checkName(name);
        for (Block block : model.blocks()) {
            if (block.children().get("adapter_attn") instanceof AdapterSlot slot && slot.has(name)) {
                throw new IllegalStateException("bottleneck adapter '" + name + "' is already applied: a method cannot "
                        + "be applied twice. Give the second adapter another name.");
            }
        }
        BaseWeights.freezeBase(model);
        BottleneckAdapters method = new BottleneckAdapters(model, config, name);
        Random rng = new Random(config.seed());
        int width = model.config().dModel();
        for (int i = 0; i < model.blocks().size(); i++) {
            Block block = model.blocks().get(i);
            if (!(block.children().get("adapter_attn") instanceof AdapterSlot)) {
                block.setAdapters(new AdapterSlot(), new AdapterSlot());
            }
            for (String place : List.of("adapter_attn", "adapter_mlp")) {
                AdapterSlot slot = (AdapterSlot) block.children().get(place);
                BottleneckAdapter adapter = new BottleneckAdapter(model.manager(), rng, width, config);
                slot.add(name, adapter);
                adapter.setTrainable(true);
                method.slots.add(slot);
                method.adapters.put("h." + i + "." + place, adapter);
            }
        }
        return method;
    }

    @Override
    public AdapterConfig config() {
        return config;
    }

    @Override
    public Map<String, Parameter> weights() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        adapters.forEach((path, a) -> a.namedParameters().forEach((n, p) -> out.put(path + "." + n, p)));
        return out;
    }

    @Override
    public List<String> modules() {
        List<String> out = new ArrayList<>();
        adapters.keySet().forEach(path -> out.add(path + "." + name()));
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
