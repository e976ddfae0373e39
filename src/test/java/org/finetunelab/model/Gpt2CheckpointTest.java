package org.finetunelab.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.finetunelab.model.io.SafeTensors;
import org.finetunelab.text.BpeModel;
import org.finetunelab.text.BpeTrainer;
import org.finetunelab.text.BpeTrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Gpt2CheckpointTest {
    static final int VOCAB = 40;
    static final int POSITIONS = 12;
    static final int WIDTH = 16;
    static final int LAYERS = 2;
    static final int HEADS = 4;
    static final long[] IDS = {3, 17, 0, 39, 8, 8, 21};

    /** A config.json as Hugging Face writes it for GPT-2, built here by hand (not by the code under test). */
    static JsonObject hfConfig(boolean tied) {
        JsonObject o = new JsonObject();
        o.addProperty("model_type", "gpt2");
        o.addProperty("vocab_size", VOCAB);
        o.addProperty("n_positions", POSITIONS);
        o.addProperty("n_ctx", POSITIONS);
        o.addProperty("n_embd", WIDTH);
        o.addProperty("n_layer", LAYERS);
        o.addProperty("n_head", HEADS);
        o.add("n_inner", com.google.gson.JsonNull.INSTANCE);
        o.addProperty("activation_function", "gelu_new");
        o.addProperty("layer_norm_epsilon", 1e-5);
        o.addProperty("resid_pdrop", 0.1);
        o.addProperty("embd_pdrop", 0.1);
        o.addProperty("attn_pdrop", 0.1);
        if (!tied) {
            o.addProperty("tie_word_embeddings", false);
        }
        return o;
    }

    /** Random values for every tensor of a GPT-2 LM, in Hugging Face's names without the prefix. */
    static Map<String, NDArray> randomWeights(NDManager m, long seed, boolean tied) {
        Random rng = new Random(seed);
        Map<String, long[]> shapes = new LinkedHashMap<>();
        shapes.put("wte.weight", new long[]{VOCAB, WIDTH});
        shapes.put("wpe.weight", new long[]{POSITIONS, WIDTH});
        for (int i = 0; i < LAYERS; i++) {
            String h = "h." + i + ".";
            for (String ln : List.of("ln_1", "ln_2")) {
                shapes.put(h + ln + ".weight", new long[]{WIDTH});
                shapes.put(h + ln + ".bias", new long[]{WIDTH});
            }
            shapes.put(h + "attn.c_attn.weight", new long[]{WIDTH, 3 * WIDTH});
            shapes.put(h + "attn.c_attn.bias", new long[]{3 * WIDTH});
            shapes.put(h + "attn.c_proj.weight", new long[]{WIDTH, WIDTH});
            shapes.put(h + "attn.c_proj.bias", new long[]{WIDTH});
            shapes.put(h + "mlp.c_fc.weight", new long[]{WIDTH, 4 * WIDTH});
            shapes.put(h + "mlp.c_fc.bias", new long[]{4 * WIDTH});
            shapes.put(h + "mlp.c_proj.weight", new long[]{4 * WIDTH, WIDTH});
            shapes.put(h + "mlp.c_proj.bias", new long[]{WIDTH});
        }
        shapes.put("ln_f.weight", new long[]{WIDTH});
        shapes.put("ln_f.bias", new long[]{WIDTH});
        if (!tied) {
            shapes.put("lm_head.weight", new long[]{VOCAB, WIDTH});
        }
        Map<String, NDArray> weights = new LinkedHashMap<>();
        shapes.forEach((name, shape) -> {
            Shape s = new Shape(shape);
            float[] v = new float[(int) s.size()];
            boolean lnWeight = name.contains("ln_") && name.endsWith(".weight");
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) ((lnWeight ? 1 : 0) + 0.3 * rng.nextGaussian());
            }
            weights.put(name, m.create(v, s));
        });
        return weights;
    }

    /** Writes a checkpoint folder the way Hugging Face lays it out, with the options real files vary in. */
    static Path writeHfCheckpoint(Path folder, JsonObject config, Map<String, NDArray> weights, boolean prefix,
                                  boolean buffers, boolean lmHeadCopy) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("config.json"), config.toString());
        NDManager m = weights.values().iterator().next().getManager();
        Map<String, NDArray> file = new LinkedHashMap<>();
        weights.forEach((name, array) -> file.put(prefix && !name.startsWith("lm_head") ? "transformer." + name : name, array));
        String p = prefix ? "transformer." : "";
        if (buffers) {
            for (int i = 0; i < LAYERS; i++) {
                file.put(p + "h." + i + ".attn.bias", m.ones(new Shape(1, 1, POSITIONS, POSITIONS), DataType.BOOLEAN));
                file.put(p + "h." + i + ".attn.masked_bias", m.create(-1e4f));
            }
        }
        if (lmHeadCopy) {
            file.put("lm_head.weight", weights.get("wte.weight"));
        }
        SafeTensors.write(folder.resolve("model.safetensors"), file, Map.of("format", "pt"));
        return folder;
    }

    /** The same weights loaded straight into the model's parameters, bypassing the importer. */
    static Gpt loadDirectly(GptConfig config, Map<String, NDArray> weights) {
        Gpt model = Gpt.create(config, 5, Device.cpu());
        model.namedParameters().forEach((name, param) -> param.copyFrom(weights.get(name)));
        return model;
    }

    static float[] logits(Gpt model) {
        try (NDManager scope = model.newScope()) {
            NDArray ids = scope.create(IDS, new Shape(1, IDS.length));
            return model.forward(new Forward(scope, false), ids).toFloatArray();
        }
    }

    static GptConfig expectedConfig(boolean tied) {
        return new GptConfig(VOCAB, POSITIONS, WIDTH, LAYERS, HEADS, 4, 0.1f, tied, "gelu_new", 1e-5f);
    }

    @ParameterizedTest(name = "prefix={0} buffers={1} lm_head copy={2}")
    @CsvSource({"true, true, true", "true, false, false", "false, true, false", "false, false, true"})
    void importedCheckpointGivesTheLogitsOfTheSameWeightsLoadedDirectly(boolean prefix, boolean buffers,
                                                                        boolean lmHeadCopy, @TempDir Path dir) throws Exception {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            Map<String, NDArray> weights = randomWeights(m, 11, true);
            Path folder = writeHfCheckpoint(dir.resolve("gpt2"), hfConfig(true), weights, prefix, buffers, lmHeadCopy);
            try (Gpt imported = Gpt2Checkpoint.importGpt(folder, Device.cpu());
                 Gpt direct = loadDirectly(expectedConfig(true), weights)) {
                assertEquals(expectedConfig(true), imported.config());
                assertArrayEquals(logits(direct), logits(imported), 0f);
            }
        }
    }

    @Test
    void untiedOutputProjectionIsImported(@TempDir Path dir) throws Exception {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            Map<String, NDArray> weights = randomWeights(m, 12, false);
            Path folder = writeHfCheckpoint(dir.resolve("gpt2"), hfConfig(false), weights, true, true, false);
            try (Gpt imported = Gpt2Checkpoint.importGpt(folder, Device.cpu());
                 Gpt direct = loadDirectly(expectedConfig(false), weights)) {
                assertFalse(imported.config().tiedEmbeddings());
                assertArrayEquals(logits(direct), logits(imported), 0f);
            }
        }
    }

    @ParameterizedTest(name = "tied={0} activation={1}")
    @CsvSource({"true, gelu_new", "false, gelu"})
    void exportThenImportIsBitExact(boolean tied, String activation, @TempDir Path dir) throws Exception {
        BpeModel bpe = new BpeTrainer(BpeTrainingConfig.ofVocabSize(262).withMinPairFrequency(1))
                .train(List.of("the cat sat on the mat", "the hat"));
        Path tokenizer = bpe.save(dir.resolve("tokenizer.json"));
        GptConfig config = new GptConfig(300, 10, 24, 2, 3, 2, 0f, tied, activation, 1e-6f);
        Path folder = dir.resolve("export");
        try (Gpt original = Gpt.create(config, 3, Device.cpu())) {
            Gpt2Checkpoint.export(original, tokenizer, folder);
            try (LanguageModel lm = Gpt2Checkpoint.importModel(folder, Device.cpu())) {
                assertEquals(config, lm.model().config());
                assertEquals(bpe.vocabSize(), lm.tokenizer().vocabSize());
                for (var e : original.namedParameters().entrySet()) {
                    assertArrayEquals(e.getValue().array().toFloatArray(),
                            lm.model().namedParameters().get(e.getKey()).array().toFloatArray(), 0f, e.getKey());
                }
                assertArrayEquals(logits(original), logits(lm.model()), 0f);
            }
        }
        SafeTensors.Header header = SafeTensors.readHeader(folder.resolve("model.safetensors"));
        assertEquals("pt", header.metadata().get("format"));
        assertTrue(header.names().contains("transformer.h.1.mlp.c_proj.weight"));
        assertEquals(!tied, header.names().contains("lm_head.weight"));
        assertTrue(header.names().stream().allMatch(n -> n.startsWith("transformer.") || n.equals("lm_head.weight")));
        JsonObject json = JsonParser.parseString(Files.readString(folder.resolve("config.json"))).getAsJsonObject();
        assertEquals("gpt2", json.get("model_type").getAsString());
        assertEquals("GPT2LMHeadModel", json.getAsJsonArray("architectures").get(0).getAsString());
        assertEquals(48, json.get("n_inner").getAsInt());
        assertEquals(tied, json.get("tie_word_embeddings").getAsBoolean());
        assertEquals(0, json.get("eos_token_id").getAsInt());
    }

    @Test
    void exportLeavesOutParametersThatAreNotGpt2s(@TempDir Path dir) throws Exception {
        try (Gpt model = Gpt.create(GptConfig.tiny(20), 1, Device.cpu())) {
            model.addModule("classifier", new Embedding(model.manager(), new Random(1), 2, 16, 0.02f));
            Gpt2Checkpoint.export(model, null, dir.resolve("export"));
            List<String> names = SafeTensors.readHeader(dir.resolve("export/model.safetensors")).names();
            assertFalse(names.stream().anyMatch(n -> n.contains("classifier")), names.toString());
            assertFalse(Files.exists(dir.resolve("export/tokenizer.json")));
        }
    }

    @Test
    void parameterShapesDescribeTheModelsParameters() {
        for (boolean tied : new boolean[]{true, false}) {
            GptConfig config = new GptConfig(30, 8, 12, 3, 2, 3, 0f, tied, "gelu", 1e-5f);
            try (Gpt model = Gpt.create(config, 1, Device.cpu())) {
                Map<String, Shape> actual = new LinkedHashMap<>();
                model.namedParameters().forEach((name, p) -> actual.put(name, p.array().getShape()));
                assertEquals(actual, Gpt2Checkpoint.parameterShapes(config));
            }
        }
    }

    // ------------------------------------------------------------------ bad inputs

    /** Writes a good checkpoint, lets {@code damage} change it, and returns the import's error message. */
    private static String importError(Path dir, boolean tied, Consumer<JsonObject> editConfig,
                                      Consumer<Map<String, NDArray>> editWeights) throws IOException {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            Map<String, NDArray> weights = randomWeights(m, 13, tied);
            JsonObject config = hfConfig(tied);
            editConfig.accept(config);
            editWeights.accept(weights);
            Path folder = writeHfCheckpoint(dir.resolve("bad"), config, weights, true, true, false);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Gpt2Checkpoint.importGpt(folder, Device.cpu()).close());
            return e.getMessage();
        }
    }

    private static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "expected '" + part + "' in: " + message);
        }
    }

    @Test
    void missingTensorIsNamedWithTheFile(@TempDir Path dir) throws Exception {
        String message = importError(dir, true, c -> { }, w -> w.remove("h.1.mlp.c_fc.bias"));
        assertMentions(message, "model.safetensors", "transformer.h.1.mlp.c_fc.bias");
    }

    @Test
    void unsupportedActivationNamesTheKey(@TempDir Path dir) throws Exception {
        String message = importError(dir, true, c -> c.addProperty("activation_function", "relu"), w -> { });
        assertMentions(message, "config.json", "activation_function", "relu", "gelu_new");
    }

    @Test
    void wrongShapeNamesTheTensorAndBothShapes(@TempDir Path dir) throws Exception {
        String message = importError(dir, true, c -> { }, w -> w.put("wpe.weight", w.get("wpe.weight").get("0:5, :")));
        assertMentions(message, "model.safetensors", "transformer.wpe.weight", "(5, 16)", "(12, 16)");
    }

    @Test
    void transposedLinearWeightGetsAHint(@TempDir Path dir) throws Exception {
        String message = importError(dir, true, c -> { },
                w -> w.put("h.0.mlp.c_fc.weight", w.get("h.0.mlp.c_fc.weight").transpose()));
        assertMentions(message, "transformer.h.0.mlp.c_fc.weight", "(64, 16)", "transposed");
    }

    @Test
    void innerWidthThatIsNotAMultipleOfTheWidthIsRefused(@TempDir Path dir) throws Exception {
        String message = importError(dir, true, c -> c.addProperty("n_inner", 40), w -> { });
        assertMentions(message, "config.json", "n_inner", "40", "multiple of n_embd=16");
    }

    @Test
    void untiedConfigWithoutOutputProjectionIsRefused(@TempDir Path dir) throws Exception {
        String message = importError(dir, false, c -> { }, w -> w.remove("lm_head.weight"));
        assertMentions(message, "model.safetensors", "lm_head.weight", "tie_word_embeddings=false");
    }

    @Test
    void tiedConfigWithADifferentOutputProjectionIsRefused(@TempDir Path dir) throws Exception {
        String message = importError(dir, true, c -> { },
                w -> w.put("lm_head.weight", w.get("wte.weight").add(w.get("wte.weight"))));
        assertMentions(message, "model.safetensors", "lm_head.weight", "tie_word_embeddings");
    }

    @Test
    void tensorsOfAnotherArchitectureAreNamed(@TempDir Path dir) throws Exception {
        String message = importError(dir, true, c -> c.addProperty("n_layer", 1), w -> { });
        assertMentions(message, "model.safetensors", "transformer.h.1.attn.c_attn.weight");
    }

    @Test
    void missingConfigKeyIsNamed(@TempDir Path dir) throws Exception {
        String message = importError(dir, true, c -> c.remove("n_head"), w -> { });
        assertMentions(message, "config.json", "n_head", "missing");
    }

    @Test
    void otherModelTypesAreRefused(@TempDir Path dir) throws Exception {
        String message = importError(dir, true, c -> c.addProperty("model_type", "llama"), w -> { });
        assertMentions(message, "config.json", "model_type", "llama");
    }
}
