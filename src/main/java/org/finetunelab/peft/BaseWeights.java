package org.finetunelab.peft;

import org.finetunelab.model.Gpt;
import org.finetunelab.model.Module;
import org.finetunelab.model.Parameter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Methods that train some of the base model's own weights and add nothing: full fine-tuning, layer
 * freezing, BitFit. Their "weights" are the base parameters they unfroze, under the model's names.
 */
public final class BaseWeights extends FineTuningMethod {
    /** What was selected, for the saved config. */
    public record Selection(String description) {
    }

    private final Selection selection;
    private final Map<String, Parameter> selected;

    private BaseWeights(String kind, Gpt model, String description, Map<String, Parameter> selected) {
        super(kind, "default", model);
        this.selection = new Selection(description);
        this.selected = selected;
    }

    /** Unfreezes the base parameters whose names pass {@code keep} and freezes the rest (task heads stay trainable). */
    static BaseWeights select(String kind, Gpt model, String description, Predicate<String> keep) {
        Map<String, Parameter> selected = new LinkedHashMap<>();
        Map<String, Parameter> heads = taskHeadParameters(model);
        model.namedParameters().forEach((name, p) -> {
            if (heads.containsKey(name)) {
                return;
            }
            boolean train = keep.test(name);
            p.setTrainable(train);
            if (train) {
                selected.put(name, p);
            }
        });
        return new BaseWeights(kind, model, description, selected);
    }

    /** Freezes everything except task heads: the first step of every parameter-efficient method. */
    static void freezeBase(Gpt model) {
        Map<String, Parameter> heads = taskHeadParameters(model);
        model.namedParameters().forEach((name, p) -> {
            if (!heads.containsKey(name)) {
                p.setTrainable(false);
            }
        });
    }

    static Map<String, Parameter> taskHeadParameters(Gpt model) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        for (Map.Entry<String, Module> child : model.children().entrySet()) {
            if (child.getValue() instanceof TaskHead) {
                child.getValue().namedParameters().forEach((n, p) -> out.put(child.getKey() + "." + n, p));
            }
        }
        return out;
    }

    @Override
    public Object config() {
        return selection;
    }

    @Override
    public Map<String, Parameter> weights() {
        return java.util.Collections.unmodifiableMap(selected);
    }

    @Override
    public List<String> modules() {
        List<String> out = new ArrayList<>();
        for (String name : selected.keySet()) {
            String module = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
            if (!out.contains(module)) {
                out.add(module);
            }
        }
        return out;
    }
}
