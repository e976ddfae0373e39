package org.finetunelab.peft;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.finetunelab.io.AtomicFiles;
import org.finetunelab.model.Gpt;
import org.finetunelab.model.Linear;
import org.finetunelab.model.ModelFiles;
import org.finetunelab.model.Parameter;
import org.finetunelab.model.io.SafeTensors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * LoRA (Hu et al., 2021): the change a fine-tuning makes to a weight matrix has low rank, so learn it as a
 * product A·B of two thin matrices beside each frozen projection (see {@link LoraLayer}). After training the
 * update can be merged into W (no extra cost at inference) or kept apart, so that one base model serves
 * many adapters. Also reads and writes the Hugging Face PEFT format.
 */
public final class Lora extends FineTuningMethod {
    public static final String PEFT_CONFIG = "adapter_config.json";
    public static final String PEFT_WEIGHTS = "adapter_model.safetensors";

    private final LoraConfig config;
    private final Map<String, LoraLayer> layers;   // by the adapted layer's path

    private Lora(Gpt model, LoraConfig config, String name, Map<String, LoraLayer> layers) {
        super("lora", name, model);
        this.config = config;
        this.layers = layers;
    }

    /** Freezes the base model and adds a LoRA update to every targeted projection. */
    static Lora apply(Gpt model, LoraConfig config, String name) {
        Targets.checkName(name);
        Map<String, Linear> targets = Targets.resolve(model, config.targetModules());
        String child = "lora_" + name;
        for (Map.Entry<String, Linear> t : targets.entrySet()) {
            Linear l = t.getValue();
            int limit = Math.min(l.inFeatures(), l.outFeatures());
            if (config.rank() > limit) {
                throw new IllegalArgumentException("LoRA config field 'rank' = " + config.rank() + " is larger than "
                        + t.getKey() + "'s smaller dimension " + limit + " (" + l.inFeatures() + " × " + l.outFeatures()
                        + "): a low-rank update needs rank ≤ " + limit + ".");
            }
            if (l.children().containsKey(child)) {
                throw new IllegalStateException("LoRA adapter '" + name + "' is already applied to " + t.getKey()
                        + ": a method cannot be applied twice. Give the second adapter another name.");
            }
        }
        BaseWeights.freezeBase(model);
        Random rng = new Random(config.seed());
        Map<String, LoraLayer> installed = new LinkedHashMap<>();
        for (Map.Entry<String, Linear> t : targets.entrySet()) {
            LoraLayer layer = new LoraLayer(t.getValue(), config.rank(), config.scale(), config.dropout(), rng);
            t.getValue().extend(child, layer);
            layer.setTrainable(true);
            installed.put(t.getKey(), layer);
        }
        return new Lora(model, config, name, installed);
    }

    @Override
    public LoraConfig config() {
        return config;
    }

    @Override
    public Map<String, Parameter> weights() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        layers.forEach((path, l) -> {
            out.put(path + ".lora_A", l.a());
            out.put(path + ".lora_B", l.b());
        });
        return out;
    }

    @Override
    public List<String> modules() {
        List<String> out = new ArrayList<>();
        layers.keySet().forEach(path -> out.add(path + ".lora_" + name()));
        return out;
    }

    /** The LoRA module of one adapted layer, e.g. {@code layer("h.0.attn.c_attn")}. */
    public LoraLayer layer(String path) {
        LoraLayer l = layers.get(path);
        if (l == null) {
            throw new IllegalArgumentException("no LoRA on '" + path + "'; adapted layers: " + layers.keySet());
        }
        return l;
    }

    @Override
    public boolean switchable() {
        return true;
    }

    @Override
    public void setEnabled(boolean enabled) {
        requireUnmerged("switch it");
        layers.values().forEach(l -> l.setEnabled(enabled));
    }

    /** Scales this adapter's update (used to combine several adapters: Σ wᵢ·ΔWᵢ). */
    public void setWeight(float weight) {
        requireUnmerged("reweight it");
        layers.values().forEach(l -> l.setMix(weight));
    }

    /** Adds the update into the base weights: same outputs, no extra cost, but the base is changed until {@link #unmerge()}. */
    public void merge() {
        layers.values().forEach(LoraLayer::merge);
    }

    /** Subtracts the update again, restoring the base weights (up to float rounding). */
    public void unmerge() {
        layers.values().forEach(LoraLayer::unmerge);
    }

    /**
     * Writes an ordinary model folder (config, weights, tokenizer) with this update merged into the weights it
     * adapts: a model that any loader reads as a plain model, with no LoRA code, at the base model's speed. The
     * model in memory is left as it is (merged or not): the merged weights are computed beside it. The model
     * must carry no other method (another adapter or prompt would be lost or make the folder unreadable); task
     * heads are left out.
     */
    public void saveMerged(Path folder, Path tokenizer) throws IOException {
        Set<String> plain;
        try (Gpt fresh = Gpt.create(model().config(), 0, model().device())) {
            plain = fresh.namedParameters().keySet();
        }
        Map<String, Parameter> heads = BaseWeights.taskHeadParameters(model());
        Set<Parameter> own = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        own.addAll(weights().values());
        for (Map.Entry<String, Parameter> e : model().namedParameters().entrySet()) {
            if (!plain.contains(e.getKey()) && !own.contains(e.getValue()) && !heads.containsKey(e.getKey())) {
                throw new IllegalStateException("cannot save LoRA '" + name() + "' merged: the model also carries '"
                        + e.getKey() + "' of another method; save each method with save(folder) instead.");
            }
        }
        try (NDManager scope = model().newScope()) {
            Map<String, NDArray> weights = new LinkedHashMap<>();
            Map<Parameter, LoraLayer> adapted = new java.util.IdentityHashMap<>();
            layers.values().forEach(l -> adapted.put(l.baseWeight(), l));
            model().namedParameters().forEach((name, p) -> {
                if (plain.contains(name)) {
                    LoraLayer l = adapted.get(p);
                    weights.put(name, l == null || merged() ? p.array() : l.mergedWeight(scope));
                }
            });
            ModelFiles.save(model().config(), weights, folder, tokenizer, Map.of());
        }
    }

    public boolean merged() {
        return layers.values().iterator().next().merged();
    }

    private void requireUnmerged(String action) {
        if (merged()) {
            throw new IllegalStateException("LoRA adapter '" + name() + "' is merged into the base weights: unmerge() "
                    + "it before you " + action + ".");
        }
    }

    // ------------------------------------------------------------------ Hugging Face PEFT format

    /**
     * Writes {@value #PEFT_CONFIG} and {@value #PEFT_WEIGHTS} as Hugging Face PEFT does for a GPT-2 model:
     * keys {@code base_model.model.transformer.h.0.attn.c_attn.lora_A.weight} of shape (r, in) and
     * {@code ...lora_B.weight} of shape (out, r); {@code fan_in_fan_out} is true because GPT-2 stores W as (in, out).
     */
    public void savePeft(Path folder, String baseModelNameOrPath) throws IOException {
        JsonObject json = new JsonObject();
        json.addProperty("peft_type", "LORA");
        json.addProperty("task_type", "CAUSAL_LM");
        json.addProperty("base_model_name_or_path", baseModelNameOrPath);
        json.addProperty("r", config.rank());
        json.addProperty("lora_alpha", config.alpha());
        json.addProperty("lora_dropout", config.dropout());
        JsonArray targets = new JsonArray();
        config.targetModules().forEach(targets::add);
        json.add("target_modules", targets);
        json.addProperty("fan_in_fan_out", true);
        json.addProperty("bias", "none");
        json.addProperty("inference_mode", true);
        json.addProperty("init_lora_weights", true);
        json.addProperty("use_rslora", false);
        try (NDManager scope = model().newScope()) {
            Map<String, NDArray> tensors = new LinkedHashMap<>();
            // 0 + parameter makes a copy in this scope (freed when it closes), then PEFT's (out, in) layout.
            layers.forEach((path, l) -> {
                tensors.put(peftKey(path, "lora_A"), scope.create(0f).add(l.a().array()).transpose());  // (r, in)
                tensors.put(peftKey(path, "lora_B"), scope.create(0f).add(l.b().array()).transpose());  // (out, r)
            });
            AtomicFiles.writeDirectory(folder, tmp -> {
                Files.writeString(tmp.resolve(PEFT_CONFIG), GSON.toJson(json), StandardCharsets.UTF_8);
                SafeTensors.write(tmp.resolve(PEFT_WEIGHTS), tensors, Map.of("format", "pt"));
            });
        }
    }

    static String peftKey(String path, String matrix) {
        return "base_model.model.transformer." + path + "." + matrix + ".weight";
    }

    /** Applies a LoRA adapter saved in the Hugging Face PEFT format (by {@link #savePeft} or by PEFT for GPT-2). */
    static Lora loadPeft(Gpt model, Path folder, String name) throws IOException {
        Path configFile = folder.resolve(PEFT_CONFIG);
        if (!Files.isRegularFile(configFile)) {
            throw new IllegalArgumentException(folder + " has no " + PEFT_CONFIG + ": not a PEFT adapter folder.");
        }
        JsonObject json = JsonParser.parseString(Files.readString(configFile, StandardCharsets.UTF_8)).getAsJsonObject();
        if (!json.has("peft_type") || !"LORA".equals(json.get("peft_type").getAsString())) {
            throw new IllegalArgumentException(configFile + ": field 'peft_type' must be \"LORA\", found " + json.get("peft_type"));
        }
        if (json.has("fan_in_fan_out") && !json.get("fan_in_fan_out").getAsBoolean()) {
            throw new IllegalArgumentException(configFile + ": field 'fan_in_fan_out' is false, but GPT-2 adapters "
                    + "store weights as (in, out) and need it true.");
        }
        List<String> targets = new ArrayList<>();
        json.getAsJsonArray("target_modules").forEach(e -> targets.add(e.getAsString()));
        LoraConfig config = new LoraConfig(json.get("r").getAsInt(), json.get("lora_alpha").getAsFloat(),
                json.has("lora_dropout") ? json.get("lora_dropout").getAsFloat() : 0f, targets, 0);
        Lora lora = apply(model, config, name);
        try (NDManager scope = model.newScope()) {
            Path weights = folder.resolve(PEFT_WEIGHTS);
            Map<String, NDArray> saved = SafeTensors.read(weights, scope);
            for (Map.Entry<String, LoraLayer> e : lora.layers.entrySet()) {
                copyTransposed(saved, peftKey(e.getKey(), "lora_A"), e.getValue().a(), weights);
                copyTransposed(saved, peftKey(e.getKey(), "lora_B"), e.getValue().b(), weights);
            }
        }
        return lora;
    }

    private static void copyTransposed(Map<String, NDArray> saved, String key, Parameter target, Path file) {
        NDArray t = saved.get(key);
        if (t == null) {
            throw new IllegalArgumentException(file + " lacks tensor '" + key + "' that its " + PEFT_CONFIG
                    + " implies; the file is incomplete or for another model.");
        }
        target.copyFrom(t.transpose());
    }
}
