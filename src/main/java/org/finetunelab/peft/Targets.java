package org.finetunelab.peft;

import org.finetunelab.model.Block;
import org.finetunelab.model.Gpt;
import org.finetunelab.model.Linear;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finds the projections a method adapts, by the short names students use ({@code c_attn}, {@code mlp.c_proj}, ...). */
final class Targets {
    private Targets() {
    }

    /** Every targeted layer by its dotted path in the model ({@code h.3.attn.c_attn}), layer by layer. */
    static Map<String, Linear> resolve(Gpt model, List<String> targets) {
        Map<String, Linear> out = new LinkedHashMap<>();
        for (int i = 0; i < model.blocks().size(); i++) {
            Block block = model.blocks().get(i);
            for (String t : targets) {
                switch (t) {
                    case "c_attn" -> out.put("h." + i + ".attn.c_attn", block.attn().cAttn());
                    case "attn.c_proj" -> out.put("h." + i + ".attn.c_proj", block.attn().cProj());
                    case "c_fc" -> out.put("h." + i + ".mlp.c_fc", block.mlp().cFc());
                    case "mlp.c_proj" -> out.put("h." + i + ".mlp.c_proj", block.mlp().cProj());
                    default -> throw new IllegalArgumentException("unknown target module '" + t + "': the valid ones are "
                            + LoraConfig.VALID_TARGETS + ".");
                }
            }
        }
        return out;
    }

    /** Names an adapter so several can share one model: letters, digits, '_' and '-'. */
    static String checkName(String name) {
        if (name == null || !name.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("adapter name '" + name + "' must be non-empty and use only letters, "
                    + "digits, '_' and '-' (it becomes part of parameter names).");
        }
        if (name.equals(AdapterSet.NONE)) {
            throw new IllegalArgumentException("adapter name '" + AdapterSet.NONE + "' is reserved for the base model.");
        }
        return name;
    }
}
