package org.finetunelab.peft;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.finetunelab.model.Gpt;
import org.finetunelab.model.LanguageModel;
import org.finetunelab.model.io.SafeTensors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Every fine-tuning method in one place, each applied by one call, saved by one and loaded back by one:
 * <pre>{@code
 * var lora = FineTuning.lora(model, LoraConfig.attention(8));
 * System.out.println(lora);   // lora 'default': 18,432 trainable of 3,430,656 parameters (0.537%) in 6 modules
 * ...train...
 * lora.save(Path.of("my-adapter"));
 * LanguageModel again = FineTuning.loadModel(Path.of("data/models/base"), Path.of("my-adapter"));
 * }</pre>
 * Parameter-efficient methods (adapters, LoRA, prompt, prefix, IA3) freeze the base model and train only
 * what they add; task heads ({@link ClassificationHead}) stay trainable. Methods can be combined (LoRA plus a
 * head) and several adapters can share one base (see {@link AdapterSet}).
 */
public final class FineTuning {
    private FineTuning() {
    }

    /** Full fine-tuning: every weight trains. Most capable, most memory (optimizer state for all weights). */
    public static BaseWeights full(Gpt model) {
        return BaseWeights.select("full", model, "every parameter", name -> true);
    }

    /**
     * Layer freezing: the embeddings (when {@code freezeEmbeddings}; with tied embeddings this is also the
     * output layer) and the bottom {@code frozenBlocks} blocks stay fixed, the rest trains.
     */
    public static BaseWeights freeze(Gpt model, boolean freezeEmbeddings, int frozenBlocks) {
        int layers = model.blocks().size();
        if (frozenBlocks < 0 || frozenBlocks > layers) {
            throw new IllegalArgumentException("freeze: frozenBlocks = " + frozenBlocks + " must be between 0 and the "
                    + "model's " + layers + " blocks.");
        }
        String description = (freezeEmbeddings ? "embeddings and " : "") + "the bottom " + frozenBlocks + " blocks frozen";
        return BaseWeights.select("freeze", model, description, name -> {
            if (name.startsWith("wte.") || name.startsWith("wpe.")) {
                return !freezeEmbeddings;
            }
            if (name.startsWith("h.")) {
                int block = Integer.parseInt(name.substring(2, name.indexOf('.', 2)));
                return block >= frozenBlocks;
            }
            return true;
        });
    }

    /** BitFit (Ben Zaken et al., 2021): train only the bias terms — a tenth of a percent of the weights. */
    public static BaseWeights bitFit(Gpt model) {
        return BaseWeights.select("bitfit", model, "biases only", name -> name.endsWith(".bias"));
    }

    /** Gradual unfreezing: add the returned listener to the trainer; one more block trains every {@code everySteps} steps. */
    public static GradualUnfreezing gradualUnfreezing(Gpt model, int everySteps) {
        return new GradualUnfreezing(model, everySteps);
    }

    public static BottleneckAdapters adapters(Gpt model, AdapterConfig config) {
        return adapters(model, config, "default");
    }

    public static BottleneckAdapters adapters(Gpt model, AdapterConfig config, String name) {
        return BottleneckAdapters.apply(model, config, name);
    }

    public static Lora lora(Gpt model, LoraConfig config) {
        return lora(model, config, "default");
    }

    public static Lora lora(Gpt model, LoraConfig config, String name) {
        return Lora.apply(model, config, name);
    }

    public static PromptTuning promptTuning(Gpt model, PromptConfig config) {
        return promptTuning(model, config, "default");
    }

    public static PromptTuning promptTuning(Gpt model, PromptConfig config, String name) {
        return PromptTuning.apply(model, config, name);
    }

    public static PrefixTuning prefixTuning(Gpt model, PrefixConfig config) {
        return prefixTuning(model, config, "default");
    }

    public static PrefixTuning prefixTuning(Gpt model, PrefixConfig config, String name) {
        return PrefixTuning.apply(model, config, name);
    }

    public static Ia3 ia3(Gpt model, Ia3Config config) {
        return ia3(model, config, "default");
    }

    public static Ia3 ia3(Gpt model, Ia3Config config, String name) {
        return Ia3.apply(model, config, name);
    }

    /**
     * Loads the base model from {@code baseFolder} and applies the method saved in {@code methodFolder} to it: the
     * fine-tuned model, ready to generate. The method must have been trained on that same base.
     */
    public static LanguageModel loadModel(Path baseFolder, Path methodFolder) throws IOException {
        LanguageModel lm = LanguageModel.load(baseFolder);
        try {
            load(lm.model(), methodFolder);
            return lm;
        } catch (IOException | RuntimeException e) {
            lm.close();
            throw e;
        }
    }

    /** Applies a method saved with {@link FineTuningMethod#save} to {@code model}, under its saved name. */
    public static FineTuningMethod load(Gpt model, Path folder) throws IOException {
        return load(model, folder, null);
    }

    /**
     * Applies a saved method under {@code name} (null keeps the saved name). Folders written by Hugging Face
     * PEFT (or {@link Lora#savePeft}) load too.
     */
    public static FineTuningMethod load(Gpt model, Path folder, String name) throws IOException {
        Path configFile = folder.resolve(FineTuningMethod.CONFIG);
        if (!Files.isRegularFile(configFile)) {
            if (Files.isRegularFile(folder.resolve(Lora.PEFT_CONFIG))) {
                return Lora.loadPeft(model, folder, name == null ? "default" : name);
            }
            throw new IllegalArgumentException(folder + " has neither " + FineTuningMethod.CONFIG + " nor "
                    + Lora.PEFT_CONFIG + ": it is not a saved fine-tuning method.");
        }
        JsonObject json = JsonParser.parseString(Files.readString(configFile, StandardCharsets.UTF_8)).getAsJsonObject();
        String kind = json.get("method").getAsString();
        String as = name != null ? name : json.get("name").getAsString();
        JsonObject config = json.getAsJsonObject("config");
        Path weights = folder.resolve(FineTuningMethod.WEIGHTS);
        FineTuningMethod method = switch (kind) {
            case "lora" -> lora(model, FineTuningMethod.GSON.fromJson(config, LoraConfig.class), as);
            case "adapters" -> adapters(model, FineTuningMethod.GSON.fromJson(config, AdapterConfig.class), as);
            case "prompt" -> promptTuning(model, FineTuningMethod.GSON.fromJson(config, PromptConfig.class), as);
            case "prefix" -> prefixTuning(model, FineTuningMethod.GSON.fromJson(config, PrefixConfig.class), as);
            case "ia3" -> ia3(model, FineTuningMethod.GSON.fromJson(config, Ia3Config.class), as);
            case "full", "freeze", "bitfit" -> {
                Set<String> saved = new HashSet<>(SafeTensors.readHeader(weights).names());
                yield BaseWeights.select(kind, model, config.get("description").getAsString(), saved::contains);
            }
            default -> throw new IllegalArgumentException(configFile + ": field 'method' = '" + kind
                    + "' is unknown; expected lora, adapters, prompt, prefix, ia3, full, freeze or bitfit.");
        };
        method.loadWeights(weights);
        return method;
    }
}
