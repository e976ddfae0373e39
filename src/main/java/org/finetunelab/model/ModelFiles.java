package org.finetunelab.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.finetunelab.io.AtomicFiles;
import org.finetunelab.model.io.SafeTensors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * A model folder: {@code config.json} (the shape), {@code model.safetensors} (the weights) and, when the
 * model comes with one, {@code tokenizer.json}. Saving replaces the folder atomically.
 */
public final class ModelFiles {
    public static final String CONFIG = "config.json";
    public static final String WEIGHTS = "model.safetensors";
    public static final String TOKENIZER = "tokenizer.json";

    private ModelFiles() {
    }

    /** Writes every parameter; {@code tokenizer} (a tokenizer.json) is copied along when not null. */
    public static void save(Gpt model, Path folder, Path tokenizer) throws IOException {
        save(model, folder, tokenizer, Map.of());
    }

    /** Like {@link #save(Gpt, Path, Path)}, with extra text files (e.g. a model card) written into the folder. */
    public static void save(Gpt model, Path folder, Path tokenizer, Map<String, String> extraFiles) throws IOException {
        Map<String, NDArray> weights = new LinkedHashMap<>();
        model.namedParameters().forEach((name, p) -> weights.put(name, p.array()));
        save(model.config(), weights, folder, tokenizer, extraFiles);
    }

    /** A model folder from a configuration and the weights under the model's names (e.g. weights with an update merged in). */
    public static void save(GptConfig config, Map<String, NDArray> weights, Path folder, Path tokenizer,
                            Map<String, String> extraFiles) throws IOException {
        AtomicFiles.writeDirectory(folder, tmp -> {
            Files.writeString(tmp.resolve(CONFIG), config.toJson(), StandardCharsets.UTF_8);
            SafeTensors.write(tmp.resolve(WEIGHTS), weights, Map.of("format", "finetune-lab gpt"));
            if (tokenizer != null) {
                Files.copy(tokenizer, tmp.resolve(TOKENIZER), StandardCopyOption.REPLACE_EXISTING);
            }
            for (Map.Entry<String, String> e : extraFiles.entrySet()) {
                Files.writeString(tmp.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
            }
        });
    }

    public static Gpt load(Path folder) throws IOException {
        return load(folder, Devices.current());
    }

    /** Loads a model folder, checking that every tensor is present with the shape the config implies. */
    public static Gpt load(Path folder, Device device) throws IOException {
        Path dir = AtomicFiles.resolveDirectory(folder);
        Path configFile = dir.resolve(CONFIG);
        if (!Files.isRegularFile(configFile)) {
            throw new IllegalArgumentException(dir + " has no " + CONFIG + ": a model folder needs " + CONFIG + " and "
                    + WEIGHTS + " (GPT-2 checkpoints from Hugging Face load with Gpt2Checkpoint.importModel instead).");
        }
        GptConfig config = GptConfig.read(configFile);
        Gpt model = Gpt.create(config, 0, device);
        try {
            loadWeights(model, dir.resolve(WEIGHTS));
            return model;
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Copies the tensors of a safetensors file into the model's parameters, by name. */
    public static void loadWeights(Gpt model, Path weightsFile) throws IOException {
        if (!Files.isRegularFile(weightsFile)) {
            throw new IllegalArgumentException("missing weights file " + weightsFile);
        }
        Map<String, Parameter> params = model.namedParameters();
        try (NDManager scope = model.newScope()) {
            Map<String, NDArray> saved = SafeTensors.read(weightsFile, scope);
            TreeSet<String> missing = new TreeSet<>(params.keySet());
            missing.removeAll(saved.keySet());
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException(weightsFile + " lacks tensor(s) " + missing
                        + ": the file was saved from a different model or is incomplete.");
            }
            TreeSet<String> unexpected = new TreeSet<>(saved.keySet());
            unexpected.removeAll(params.keySet());
            if (!unexpected.isEmpty()) {
                throw new IllegalArgumentException(weightsFile + " holds tensor(s) the model does not have: " + unexpected
                        + ". Does config.json match these weights?");
            }
            for (Map.Entry<String, Parameter> e : params.entrySet()) {
                try {
                    e.getValue().copyFrom(saved.get(e.getKey()));
                } catch (IllegalArgumentException shape) {
                    throw new IllegalArgumentException(weightsFile + ": tensor '" + e.getKey() + "' " + shape.getMessage()
                            .replaceFirst("^tensor '[^']*' ", ""), shape);
                }
            }
        }
    }
}
