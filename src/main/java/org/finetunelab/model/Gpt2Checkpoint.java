package org.finetunelab.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.finetunelab.io.AtomicFiles;
import org.finetunelab.model.io.SafeTensors;
import org.finetunelab.text.Tokenizer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Reads and writes Hugging Face GPT-2 checkpoint folders: {@code config.json} with GPT-2's keys,
 * {@code model.safetensors} and {@code tokenizer.json}. Our parameter names already are GPT-2's
 * ({@code h.0.attn.c_attn.weight}), and our linear layers store W as (in, out) like GPT-2's Conv1D, so
 * the tensors load as they are; only three things differ between files:
 * <ul>
 *   <li>a full language model ({@code GPT2LMHeadModel}) prefixes every name with {@code transformer.},
 *       a bare {@code GPT2Model} does not; both are accepted, and export writes the prefix;</li>
 *   <li>older files also hold the attention mask ({@code h.N.attn.bias}, {@code h.N.attn.masked_bias}):
 *       constants, not weights, so they are skipped;</li>
 *   <li>{@code lm_head.weight} is the output projection; with tied embeddings it is a copy of
 *       {@code wte.weight} (and usually left out of the file).</li>
 * </ul>
 */
public final class Gpt2Checkpoint {
    /** The prefix {@code GPT2LMHeadModel} puts in front of every name except {@link #LM_HEAD}. */
    public static final String PREFIX = "transformer.";
    public static final String LM_HEAD = "lm_head.weight";
    private static final Pattern MASK_BUFFER = Pattern.compile("h\\.\\d+\\.attn\\.(bias|masked_bias)");

    private Gpt2Checkpoint() {
    }

    /** Loads a GPT-2 checkpoint folder and its {@code tokenizer.json} onto the default device. */
    public static LanguageModel importModel(Path folder) throws IOException {
        return importModel(folder, Devices.current());
    }

    public static LanguageModel importModel(Path folder, Device device) throws IOException {
        Path tokenizerFile = folder.resolve(ModelFiles.TOKENIZER);
        if (!Files.isRegularFile(tokenizerFile)) {
            throw new IllegalArgumentException(folder + " has no " + ModelFiles.TOKENIZER + ": this lab reads the "
                    + "tokenizer from that single file (vocab.json + merges.txt alone are not enough); save the "
                    + "tokenizer with Hugging Face's tokenizers library to create it.");
        }
        Gpt gpt = importGpt(folder, device);
        try {
            return new LanguageModel(gpt, Tokenizer.load(tokenizerFile));
        } catch (IOException | RuntimeException e) {
            gpt.close();
            throw e;
        }
    }

    /**
     * Loads the model of a GPT-2 checkpoint folder ({@code config.json} and {@code model.safetensors}).
     *
     * @throws IllegalArgumentException naming the file and key when a tensor is missing, unknown or has the
     *                                  wrong shape, or when config.json asks for something this model cannot do
     */
    public static Gpt importGpt(Path folder, Device device) throws IOException {
        Path configFile = folder.resolve(ModelFiles.CONFIG);
        Path weightsFile = folder.resolve(ModelFiles.WEIGHTS);
        if (!Files.isRegularFile(configFile)) {
            throw new IllegalArgumentException(folder + " has no " + ModelFiles.CONFIG + ": a GPT-2 checkpoint folder "
                    + "holds config.json, model.safetensors and tokenizer.json.");
        }
        if (!Files.isRegularFile(weightsFile)) {
            boolean pickle = Files.isRegularFile(folder.resolve("pytorch_model.bin"));
            throw new IllegalArgumentException(folder + " has no " + ModelFiles.WEIGHTS + (pickle
                    ? ", only pytorch_model.bin: pickled weights can run code when loaded and are not read here. "
                    + "Convert them to safetensors first (Hugging Face: save_pretrained(..., safe_serialization=True))."
                    : ": a GPT-2 checkpoint folder holds config.json, model.safetensors and tokenizer.json."));
        }
        GptConfig config = Gpt2ConfigJson.read(configFile);
        Map<String, String> fileNames = matchNames(weightsFile, config);   // our name → name in the file
        Gpt model = Gpt.create(config, 0, device);
        try {
            copyWeights(model, weightsFile, fileNames);
            return model;
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * Pairs every parameter GPT-2 has with its tensor in the file, checking names and shapes from the header
     * alone, before any data is read.
     */
    private static Map<String, String> matchNames(Path weightsFile, GptConfig config) throws IOException {
        SafeTensors.Header header = SafeTensors.readHeader(weightsFile);
        Map<String, Shape> expected = parameterShapes(config);
        Map<String, String> found = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String fileName : header.names()) {
            String name = fileName.startsWith(PREFIX) ? fileName.substring(PREFIX.length()) : fileName;
            if (MASK_BUFFER.matcher(name).matches()) {
                continue;
            }
            if (name.equals(LM_HEAD) && config.tiedEmbeddings()) {
                found.put(LM_HEAD, fileName);   // only checked against wte, see copyWeights
                continue;
            }
            if (!expected.containsKey(name)) {
                unknown.add(fileName);
                continue;
            }
            String earlier = found.put(name, fileName);
            if (earlier != null) {
                throw new IllegalArgumentException(weightsFile + " holds '" + name + "' twice, as '" + earlier + "' and '"
                        + fileName + "': keep one of them.");
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(weightsFile + " holds tensor(s) a GPT-2 language model does not have: "
                    + firstFew(unknown) + ". Is it a different architecture, or does " + ModelFiles.CONFIG
                    + " give too few layers?");
        }
        boolean prefixed = header.names().stream().anyMatch(n -> n.startsWith(PREFIX));
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Shape> e : expected.entrySet()) {
            String fileName = found.get(e.getKey());
            if (fileName == null) {
                missing.add(prefixed && !e.getKey().equals(LM_HEAD) ? PREFIX + e.getKey() : e.getKey());
                continue;
            }
            checkShape(weightsFile, fileName, header.tensors().get(fileName).shape(), e.getValue(), config);
        }
        if (missing.equals(List.of(LM_HEAD))) {
            throw new IllegalArgumentException(weightsFile + " lacks tensor '" + LM_HEAD + "' although "
                    + ModelFiles.CONFIG + " sets tie_word_embeddings=false (a separate output projection). Add the "
                    + "tensor, or set tie_word_embeddings to true if the model reuses wte as its output layer.");
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(weightsFile + " lacks tensor(s) " + firstFew(missing)
                    + ": the file is incomplete or " + ModelFiles.CONFIG + " gives more layers than it holds.");
        }
        if (found.containsKey(LM_HEAD) && config.tiedEmbeddings()) {
            checkShape(weightsFile, found.get(LM_HEAD), header.tensors().get(found.get(LM_HEAD)).shape(),
                    expected.get("wte.weight"), config);
        }
        return found;
    }

    /** A list short enough to read in an error message. */
    private static String firstFew(List<String> names) {
        int shown = 8;
        return names.size() <= shown ? names.toString()
                : names.subList(0, shown) + " and " + (names.size() - shown) + " more";
    }

    private static void checkShape(Path weightsFile, String fileName, Shape actual, Shape expected, GptConfig config) {
        if (actual.equals(expected)) {
            return;
        }
        long[] reversed = expected.getShape().clone();
        if (reversed.length == 2) {
            reversed = new long[]{reversed[1], reversed[0]};
        }
        String hint = reversed.length == 2 && reversed[0] != reversed[1] && actual.equals(new Shape(reversed))
                ? " It looks transposed: GPT-2 stores these weights as (in, out) (its Conv1D layer), a torch.nn.Linear "
                + "as (out, in); transpose it when converting."
                : " Does " + ModelFiles.CONFIG + " (vocab_size=" + config.vocabSize() + ", n_positions="
                + config.contextLength() + ", n_embd=" + config.dModel() + ", n_inner="
                + config.mlpRatio() * config.dModel() + ") belong to these weights?";
        throw new IllegalArgumentException(weightsFile + ": tensor '" + fileName + "' has shape " + actual
                + " but " + ModelFiles.CONFIG + " implies " + expected + "." + hint);
    }

    private static void copyWeights(Gpt model, Path weightsFile, Map<String, String> fileNames) throws IOException {
        Map<String, Parameter> params = model.namedParameters();
        try (NDManager scope = model.newScope()) {
            Map<String, NDArray> saved = SafeTensors.read(weightsFile, scope, fileNames.values());
            for (Map.Entry<String, String> e : fileNames.entrySet()) {
                Parameter p = params.get(e.getKey());
                if (p != null) {
                    p.copyFrom(saved.get(e.getValue()));
                }
            }
            String head = fileNames.get(LM_HEAD);
            if (head != null && model.config().tiedEmbeddings()) {
                NDArray wte = model.wte().table().array();
                NDArray lm = saved.get(head).toType(wte.getDataType(), false);
                if (!wte.contentEquals(lm)) {
                    throw new IllegalArgumentException(weightsFile + ": tensor '" + head + "' differs from '"
                            + fileNames.get("wte.weight") + "' although " + ModelFiles.CONFIG + " sets "
                            + "tie_word_embeddings=true (one shared table). Set tie_word_embeddings to false to keep "
                            + "a separate output projection.");
                }
            }
        }
    }

    /**
     * Writes {@code model} as a Hugging Face GPT-2 checkpoint ({@code GPT2LMHeadModel}): config.json with
     * GPT-2's keys, model.safetensors with {@code transformer.}-prefixed names, and a copy of
     * {@code tokenizerJson} (may be null). The folder is replaced atomically.
     *
     * <p>Only GPT-2's own tensors are written. Parameters that fine-tuning methods add (LoRA, adapters,
     * prompts, task heads) are not part of the format and are left out, so the export of a model being
     * fine-tuned is its base model; merge a LoRA update into the weights first to keep it.
     */
    public static void export(Gpt model, Path tokenizerJson, Path folder) throws IOException {
        GptConfig config = model.config();
        OptionalInt endOfText = OptionalInt.empty();
        if (tokenizerJson != null) {
            try (Tokenizer tokenizer = Tokenizer.load(tokenizerJson)) {
                if (tokenizer.vocabSize() > config.vocabSize()) {
                    throw new IllegalArgumentException(tokenizerJson + " has " + tokenizer.vocabSize() + " tokens but "
                            + "the model only " + config.vocabSize() + " embeddings: export the tokenizer it was trained with.");
                }
                endOfText = tokenizer.tokenId(Tokenizer.END_OF_TEXT);
            }
        }
        Map<String, Parameter> params = model.namedParameters();
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        for (String name : parameterShapes(config).keySet()) {
            tensors.put(name.equals(LM_HEAD) ? LM_HEAD : PREFIX + name, params.get(name).array());
        }
        String configJson = Gpt2ConfigJson.toJson(config, endOfText);
        AtomicFiles.writeDirectory(folder, tmp -> {
            Files.writeString(tmp.resolve(ModelFiles.CONFIG), configJson, StandardCharsets.UTF_8);
            // Hugging Face refuses safetensors files whose metadata does not say they hold PyTorch tensors.
            SafeTensors.write(tmp.resolve(ModelFiles.WEIGHTS), tensors, Map.of("format", "pt"));
            if (tokenizerJson != null) {
                Files.copy(tokenizerJson, tmp.resolve(ModelFiles.TOKENIZER), StandardCopyOption.REPLACE_EXISTING);
            }
        });
    }

    /**
     * GPT-2's parameters and their shapes for a config, in our names (without the {@code transformer.}
     * prefix). Linear weights are (in, out); {@code lm_head.weight} is listed only when untied.
     */
    public static Map<String, Shape> parameterShapes(GptConfig config) {
        long d = config.dModel();
        long inner = (long) config.mlpRatio() * d;
        Map<String, Shape> shapes = new LinkedHashMap<>();
        shapes.put("wte.weight", new Shape(config.vocabSize(), d));
        shapes.put("wpe.weight", new Shape(config.contextLength(), d));
        for (int i = 0; i < config.nLayers(); i++) {
            String h = "h." + i + ".";
            shapes.put(h + "ln_1.weight", new Shape(d));
            shapes.put(h + "ln_1.bias", new Shape(d));
            shapes.put(h + "attn.c_attn.weight", new Shape(d, 3 * d));   // query, key and value side by side
            shapes.put(h + "attn.c_attn.bias", new Shape(3 * d));
            shapes.put(h + "attn.c_proj.weight", new Shape(d, d));
            shapes.put(h + "attn.c_proj.bias", new Shape(d));
            shapes.put(h + "ln_2.weight", new Shape(d));
            shapes.put(h + "ln_2.bias", new Shape(d));
            shapes.put(h + "mlp.c_fc.weight", new Shape(d, inner));
            shapes.put(h + "mlp.c_fc.bias", new Shape(inner));
            shapes.put(h + "mlp.c_proj.weight", new Shape(inner, d));
            shapes.put(h + "mlp.c_proj.bias", new Shape(d));
        }
        shapes.put("ln_f.weight", new Shape(d));
        shapes.put("ln_f.bias", new Shape(d));
        if (!config.tiedEmbeddings()) {
            shapes.put(LM_HEAD, new Shape(config.vocabSize(), d));   // like wte: one row per token
        }
        return shapes;
    }
}
