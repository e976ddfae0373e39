package org.finetunelab.model;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shape of a GPT: how many tokens it knows, how far back it looks, how wide and deep it is.
 *
 * @param vocabSize      number of token ids the embedding table holds
 * @param contextLength  the longest sequence the model can read (learned positions)
 * @param dModel         width of every hidden vector
 * @param nLayers        number of transformer blocks
 * @param nHeads         attention heads per block; {@code dModel} must be divisible by it
 * @param mlpRatio       the MLP's hidden width is {@code mlpRatio * dModel} (GPT-2 uses 4)
 * @param dropout        dropout probability used while training (0 disables it)
 * @param tiedEmbeddings reuse the token embedding as the output projection (fewer parameters)
 * @param activation     {@code gelu} (exact, fastest here) or {@code gelu_new} (GPT-2's tanh approximation)
 * @param layerNormEps   small number that keeps LayerNorm away from division by zero
 */
public record GptConfig(int vocabSize, int contextLength, int dModel, int nLayers, int nHeads, int mlpRatio,
                        float dropout, boolean tiedEmbeddings, String activation, float layerNormEps) {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    public GptConfig {
        check(vocabSize > 0, "vocabSize", vocabSize, "a positive number of tokens");
        check(contextLength > 0, "contextLength", contextLength, "a positive number of positions");
        check(dModel > 0, "dModel", dModel, "a positive width");
        check(nLayers > 0, "nLayers", nLayers, "at least one layer");
        check(nHeads > 0 && dModel % nHeads == 0, "nHeads", nHeads,
                "a positive divisor of dModel=" + dModel + " (each head gets dModel/nHeads dimensions)");
        check(mlpRatio > 0, "mlpRatio", mlpRatio, "a positive multiple (4 in GPT-2)");
        check(dropout >= 0 && dropout < 1, "dropout", dropout, "a probability in [0, 1)");
        if (activation == null || activation.isBlank()) {
            activation = "gelu";
        }
        check(activation.equals("gelu") || activation.equals("gelu_new"), "activation", activation,
                "'gelu' or 'gelu_new'");
        if (layerNormEps == 0) {
            layerNormEps = 1e-5f;
        }
        check(layerNormEps > 0, "layerNormEps", layerNormEps, "a small positive number such as 1e-5");
    }

    private static void check(boolean ok, String field, Object value, String expected) {
        if (!ok) {
            throw new IllegalArgumentException("GPT config field '" + field + "' = " + value + " is impossible: expected "
                    + expected + ".");
        }
    }

    /** Dimensions per attention head. */
    public int headSize() {
        return dModel / nHeads;
    }

    /** A model small enough for unit tests: a few thousand parameters. */
    public static GptConfig tiny(int vocabSize) {
        return new GptConfig(vocabSize, 16, 16, 2, 2, 4, 0f, true, "gelu", 1e-5f);
    }

    /** The lab's base model on a CPU: about 3.4M parameters with a 4,096-token vocabulary. */
    public static GptConfig baseCpu(int vocabSize) {
        return new GptConfig(vocabSize, 128, 192, 6, 6, 4, 0f, true, "gelu", 1e-5f);
    }

    /** The same family, larger, for a GPU: about 20M parameters. */
    public static GptConfig baseGpu(int vocabSize) {
        return new GptConfig(vocabSize, 256, 384, 8, 8, 4, 0f, true, "gelu", 1e-5f);
    }

    public GptConfig withDropout(float p) {
        return new GptConfig(vocabSize, contextLength, dModel, nLayers, nHeads, mlpRatio, p, tiedEmbeddings, activation,
                layerNormEps);
    }

    public String toJson() {
        return GSON.toJson(this);
    }

    /** Parses a config written by {@link #toJson()}; fields left out take the defaults of GPT-2 small models. */
    public static GptConfig fromJson(String json, String source) {
        JsonObject o;
        try {
            JsonElement e = JsonParser.parseString(json);
            if (!e.isJsonObject()) {
                throw new IllegalArgumentException(source + " must hold a JSON object with the GPT config fields.");
            }
            o = e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(source + " is not valid JSON: " + e.getMessage(), e);
        }
        try {
            return new GptConfig(required(o, "vocabSize", source), required(o, "contextLength", source),
                    required(o, "dModel", source), required(o, "nLayers", source), required(o, "nHeads", source),
                    o.has("mlpRatio") ? o.get("mlpRatio").getAsInt() : 4,
                    o.has("dropout") ? o.get("dropout").getAsFloat() : 0f,
                    !o.has("tiedEmbeddings") || o.get("tiedEmbeddings").getAsBoolean(),
                    o.has("activation") ? o.get("activation").getAsString() : "gelu",
                    o.has("layerNormEps") ? o.get("layerNormEps").getAsFloat() : 1e-5f);
        } catch (NumberFormatException | UnsupportedOperationException | IllegalStateException e) {
            throw new IllegalArgumentException(source + ": a field has the wrong type (" + e.getMessage() + ")", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static int required(JsonObject o, String field, String source) {
        if (!o.has(field)) {
            throw new IllegalArgumentException("field '" + field + "' is missing");
        }
        return o.get(field).getAsInt();
    }

    public static GptConfig read(Path file) throws IOException {
        return fromJson(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }
}
