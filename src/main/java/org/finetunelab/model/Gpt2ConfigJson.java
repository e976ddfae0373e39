package org.finetunelab.model;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * Translates between {@link GptConfig} and the {@code config.json} of a Hugging Face GPT-2 checkpoint,
 * whose keys have other names: {@code n_embd} is our {@code dModel}, {@code n_positions} our
 * {@code contextLength}, and so on. Keys that Hugging Face fills with a default when they are missing
 * get the same default here.
 */
public final class Gpt2ConfigJson {
    /** Hugging Face's defaults for the keys a GPT-2 config.json may leave out. */
    private static final String DEFAULT_ACTIVATION = "gelu_new";
    private static final float DEFAULT_EPSILON = 1e-5f;
    private static final float DEFAULT_DROPOUT = 0.1f;

    private Gpt2ConfigJson() {
    }

    public static GptConfig read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Reads a GPT-2 config.json; {@code source} names the file in error messages.
     *
     * @throws IllegalArgumentException naming the source and the key, when a key is missing or has a value
     *                                  this model cannot reproduce
     */
    public static GptConfig parse(String json, String source) {
        JsonObject o = object(json, source);
        try {
            return parse(o, source);
        } catch (ClassCastException | IllegalStateException | UnsupportedOperationException | NumberFormatException e) {
            throw new IllegalArgumentException(source + ": a key has a value of the wrong type (" + e.getMessage()
                    + "); compare it with the config.json of a GPT-2 model on Hugging Face.", e);
        }
    }

    private static GptConfig parse(JsonObject o, String source) {
        if (o.has("model_type") && !o.get("model_type").isJsonNull()
                && !"gpt2".equals(o.get("model_type").getAsString())) {
            throw error(source, "model_type", o.get("model_type"), "\"gpt2\": only GPT-2 checkpoints map onto this model");
        }
        int vocab = requiredInt(o, "vocab_size", source);
        int positions = requiredInt(o, "n_positions", source);
        int width = requiredInt(o, "n_embd", source);
        int layers = requiredInt(o, "n_layer", source);
        int heads = requiredInt(o, "n_head", source);
        if (width <= 0 || heads <= 0 || width % heads != 0) {
            throw error(source, "n_head", heads, "a positive divisor of n_embd=" + width);
        }
        int inner = isAbsent(o, "n_inner") ? 4 * width : requiredInt(o, "n_inner", source);
        if (inner <= 0 || inner % width != 0) {
            throw error(source, "n_inner", inner, "a multiple of n_embd=" + width
                    + " (this model sizes its MLP as a whole multiple of the width; null means 4·n_embd)");
        }
        String activation = isAbsent(o, "activation_function") ? DEFAULT_ACTIVATION
                : o.get("activation_function").getAsString();
        String ours = switch (activation) {
            case "gelu_new", "gelu_pytorch_tanh" -> "gelu_new";   // the same tanh formula
            case "gelu" -> "gelu";
            default -> throw error(source, "activation_function", "\"" + activation + "\"",
                    "\"gelu_new\" (GPT-2's), \"gelu_pytorch_tanh\" or \"gelu\"");
        };
        // These options change the attention arithmetic, which this model does not reproduce.
        if (!isAbsent(o, "scale_attn_weights") && !o.get("scale_attn_weights").getAsBoolean()) {
            throw error(source, "scale_attn_weights", false, "true (attention scores are always divided by √head_size here)");
        }
        if (!isAbsent(o, "scale_attn_by_inverse_layer_idx") && o.get("scale_attn_by_inverse_layer_idx").getAsBoolean()) {
            throw error(source, "scale_attn_by_inverse_layer_idx", true, "false (not supported by this model)");
        }
        float epsilon = isAbsent(o, "layer_norm_epsilon") ? DEFAULT_EPSILON : o.get("layer_norm_epsilon").getAsFloat();
        float dropout = isAbsent(o, "resid_pdrop") ? DEFAULT_DROPOUT : o.get("resid_pdrop").getAsFloat();
        boolean tied = isAbsent(o, "tie_word_embeddings") || o.get("tie_word_embeddings").getAsBoolean();
        try {
            return new GptConfig(vocab, positions, width, layers, heads, inner / width, dropout, tied, ours, epsilon);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    /**
     * The config.json Hugging Face writes for a GPT-2 language model of this shape, so that
     * {@code GPT2LMHeadModel.from_pretrained} (and PEFT on top of it) can load the folder.
     *
     * @param endOfTextId the id of {@code <|endoftext|>}, written as the begin/end-of-text token; empty when unknown
     */
    public static String toJson(GptConfig config, OptionalInt endOfTextId) {
        JsonObject o = new JsonObject();
        JsonArray architectures = new JsonArray();
        architectures.add("GPT2LMHeadModel");
        o.add("architectures", architectures);
        o.addProperty("model_type", "gpt2");
        o.addProperty("vocab_size", config.vocabSize());
        o.addProperty("n_positions", config.contextLength());
        o.addProperty("n_ctx", config.contextLength());   // older readers look for this name
        o.addProperty("n_embd", config.dModel());
        o.addProperty("n_layer", config.nLayers());
        o.addProperty("n_head", config.nHeads());
        o.addProperty("n_inner", config.mlpRatio() * config.dModel());
        o.addProperty("activation_function", config.activation());
        o.addProperty("layer_norm_epsilon", shortest(config.layerNormEps()));
        // One dropout probability in this model; GPT-2 has three (residual, embedding, attention).
        o.addProperty("resid_pdrop", shortest(config.dropout()));
        o.addProperty("embd_pdrop", shortest(config.dropout()));
        o.addProperty("attn_pdrop", shortest(config.dropout()));
        o.addProperty("initializer_range", 0.02);
        o.addProperty("scale_attn_weights", true);
        o.addProperty("tie_word_embeddings", config.tiedEmbeddings());
        endOfTextId.ifPresent(id -> {
            o.addProperty("bos_token_id", id);
            o.addProperty("eos_token_id", id);
        });
        o.addProperty("torch_dtype", "float32");
        o.addProperty("use_cache", true);
        return new GsonBuilder().setPrettyPrinting().create().toJson(o);
    }

    /** 1e-5f as 1.0E-5 rather than 9.99999974737875E-6, so that the file reads like the number meant. */
    private static double shortest(float value) {
        return Double.parseDouble(Float.toString(value));
    }

    private static JsonObject object(String json, String source) {
        try {
            JsonElement e = JsonParser.parseString(json);
            if (!e.isJsonObject()) {
                throw new IllegalArgumentException(source + " must hold a JSON object with GPT-2 config keys.");
            }
            return e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(source + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static boolean isAbsent(JsonObject o, String key) {
        return !o.has(key) || o.get(key).isJsonNull();
    }

    private static int requiredInt(JsonObject o, String key, String source) {
        if (isAbsent(o, key)) {
            throw new IllegalArgumentException(source + ": key '" + key + "' is missing; a GPT-2 config.json needs "
                    + "vocab_size, n_positions, n_embd, n_layer and n_head.");
        }
        try {
            return o.get(key).getAsInt();
        } catch (RuntimeException e) {
            throw error(source, key, o.get(key), "a whole number");
        }
    }

    private static IllegalArgumentException error(String source, String key, Object value, String expected) {
        return new IllegalArgumentException(source + ": key '" + key + "' = " + value + " is not supported: expected "
                + expected + ".");
    }
}
