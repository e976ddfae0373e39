package org.finetunelab.model;

import org.finetunelab.text.Tokenizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A model together with its tokenizer: text in, text out. This is what the lessons load:
 * {@code var lm = LanguageModel.load(Path.of("data/models/base"))}.
 */
public final class LanguageModel implements AutoCloseable {
    private final Gpt model;
    private final Tokenizer tokenizer;

    public LanguageModel(Gpt model, Tokenizer tokenizer) {
        if (tokenizer.vocabSize() > model.config().vocabSize()) {
            throw new IllegalArgumentException("the tokenizer " + tokenizer.source() + " has " + tokenizer.vocabSize()
                    + " tokens but the model only " + model.config().vocabSize() + " embeddings: they do not belong "
                    + "together. Load the tokenizer.json saved with the model.");
        }
        this.model = model;
        this.tokenizer = tokenizer;
    }

    /**
     * Loads {@code config.json}, {@code model.safetensors} and {@code tokenizer.json} from a folder: one the lab
     * saved, or a Hugging Face GPT-2 checkpoint folder ({@code model_type: gpt2}), imported by {@link Gpt2Checkpoint}.
     */
    public static LanguageModel load(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            throw new IllegalArgumentException("the model folder " + folder + " does not exist (a model folder holds "
                    + ModelFiles.CONFIG + ", " + ModelFiles.WEIGHTS + " and " + ModelFiles.TOKENIZER + "; the lab's base model is data/models/base)");
        }
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(folder + " is a file; a model is a folder with " + ModelFiles.CONFIG + ", "
                    + ModelFiles.WEIGHTS + " and " + ModelFiles.TOKENIZER);
        }
        Path tokenizerFile = folder.resolve(ModelFiles.TOKENIZER);
        if (!Files.isRegularFile(tokenizerFile)) {
            throw new IllegalArgumentException(folder + " has no " + ModelFiles.TOKENIZER
                    + ": copy the tokenizer the model was trained with into the folder.");
        }
        if (isHuggingFaceFolder(folder)) {
            return Gpt2Checkpoint.importModel(folder);
        }
        Gpt gpt = ModelFiles.load(folder);
        try {
            return new LanguageModel(gpt, Tokenizer.load(tokenizerFile));
        } catch (IOException | RuntimeException e) {
            gpt.close();
            throw e;
        }
    }

    /** A Hugging Face checkpoint names its architecture in config.json ({@code "model_type": "gpt2"}); the lab's do not. */
    private static boolean isHuggingFaceFolder(Path folder) throws IOException {
        Path config = folder.resolve(ModelFiles.CONFIG);
        if (!Files.isRegularFile(config)) {
            return false;
        }
        try {
            var json = com.google.gson.JsonParser.parseString(Files.readString(config));
            return json.isJsonObject() && json.getAsJsonObject().has("model_type");
        } catch (com.google.gson.JsonParseException e) {
            return false;   // ModelFiles.load reports the broken file with its name
        }
    }

    public Gpt model() {
        return model;
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }

    /** The continuation of {@code prompt} (without the prompt), cut at the first stop string. */
    public String generate(String prompt, GenerationConfig config) {
        int[] ids = tokenizer.encode(prompt);
        int[] out = new Generator(model).generate(ids, config, tokenizer.endOfTextId(),
                config.stopStrings().isEmpty() ? null : soFar -> containsStop(tokenizer.decode(soFar), config), null);
        return cutAtStop(tokenizer.decode(out), config);
    }

    public String generate(String prompt, int maxNewTokens) {
        return generate(prompt, GenerationConfig.greedy(maxNewTokens));
    }

    private static boolean containsStop(String text, GenerationConfig config) {
        return config.stopStrings().stream().anyMatch(text::contains);
    }

    static String cutAtStop(String text, GenerationConfig config) {
        int cut = text.length();
        for (String s : config.stopStrings()) {
            int at = text.indexOf(s);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        return text.substring(0, cut);
    }

    @Override
    public void close() {
        tokenizer.close();
        model.close();
    }
}
