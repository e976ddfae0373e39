package org.finetunelab.peft;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import org.finetunelab.io.AtomicFiles;
import org.finetunelab.model.Gpt;
import org.finetunelab.model.Parameter;
import org.finetunelab.model.io.SafeTensors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A fine-tuning method applied to a model: what {@link FineTuning}'s factory methods return. It knows its
 * own weights (and only those), how many of them train, and how to save and load them.
 *
 * <p>Saved as a folder with {@value #CONFIG} (the method and its settings) and {@value #WEIGHTS} (the
 * method's tensors under short names such as {@code h.0.attn.c_attn.lora_A}). The base model is not in it:
 * an adapter file is kilobytes where the model is megabytes.
 */
public abstract class FineTuningMethod {
    public static final String CONFIG = "method.json";
    public static final String WEIGHTS = "method.safetensors";
    static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private final String kind;
    private final String name;
    private final Gpt model;

    protected FineTuningMethod(String kind, String name, Gpt model) {
        this.kind = kind;
        this.name = name;
        this.model = model;
    }

    /** The method: {@code lora}, {@code adapters}, {@code prompt}, ... */
    public final String kind() {
        return kind;
    }

    /** The adapter's name, so several of the same kind can live on one model ({@code default} when not given). */
    public final String name() {
        return name;
    }

    public final Gpt model() {
        return model;
    }

    /** The method's settings (a record), written into {@value #CONFIG}. */
    public abstract Object config();

    /** The method's own tensors by short name: what {@link #save} writes. */
    public abstract Map<String, Parameter> weights();

    /** Where the method put its modules, as dotted paths in the model. */
    public abstract List<String> modules();

    /** The weights that training updates now. */
    public Map<String, Parameter> trainableWeights() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        weights().forEach((k, p) -> {
            if (p.trainable()) {
                out.put(k, p);
            }
        });
        return out;
    }

    public long trainableCount() {
        return trainableWeights().values().stream().mapToLong(Parameter::size).sum();
    }

    /** Trainable weights as a percentage of all the model's parameters (method included). */
    public double trainablePercent() {
        return 100.0 * trainableCount() / model.parameterCount();
    }

    /** Whether the method can be switched off and on (adapters that sit beside the base weights can). */
    public boolean switchable() {
        return false;
    }

    /** Switches the method off (the model behaves as without it) or on. */
    public void setEnabled(boolean enabled) {
        throw new UnsupportedOperationException(kind + " changes the base weights themselves, so it cannot be "
                + "switched off; reload the base model instead.");
    }

    /** Writes the method's settings and weights (only its own) into {@code folder}, replacing it. */
    public void save(Path folder) throws IOException {
        JsonObject json = new JsonObject();
        json.addProperty("method", kind);
        json.addProperty("name", name);
        json.add("config", GSON.toJsonTree(config()));
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        weights().forEach((k, p) -> tensors.put(k, p.array()));
        AtomicFiles.writeDirectory(folder, tmp -> {
            Files.writeString(tmp.resolve(CONFIG), GSON.toJson(json), StandardCharsets.UTF_8);
            SafeTensors.write(tmp.resolve(WEIGHTS), tensors, Map.of("format", "finetune-lab " + kind));
        });
    }

    /** Copies saved weights into this method's parameters, checking that names and shapes match. */
    public void loadWeights(Path weightsFile) throws IOException {
        loadInto(weights(), weightsFile, model);
    }

    static void loadInto(Map<String, Parameter> weights, Path file, Gpt model) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("missing weights file " + file);
        }
        try (NDManager scope = model.newScope()) {
            Map<String, NDArray> saved = SafeTensors.read(file, scope);
            TreeSet<String> missing = new TreeSet<>(weights.keySet());
            missing.removeAll(saved.keySet());
            TreeSet<String> unexpected = new TreeSet<>(saved.keySet());
            unexpected.removeAll(weights.keySet());
            if (!missing.isEmpty() || !unexpected.isEmpty()) {
                throw new IllegalArgumentException(file + " does not fit this method: missing " + missing
                        + ", unexpected " + unexpected + ". Was it saved with the same settings and base model?");
            }
            for (Map.Entry<String, Parameter> e : weights.entrySet()) {
                try {
                    e.getValue().copyFrom(saved.get(e.getKey()));
                } catch (IllegalArgumentException shape) {
                    throw new IllegalArgumentException(file + ": " + shape.getMessage(), shape);
                }
            }
        }
    }

    /** One line for a notebook: {@code lora 'default': 12,288 trainable of 3,412,224 (0.36%) in 12 modules}. */
    @Override
    public String toString() {
        return String.format("%s '%s': %,d trainable of %,d parameters (%.3f%%) in %d modules", kind, name,
                trainableCount(), model.parameterCount(), trainablePercent(), modules().size());
    }
}
