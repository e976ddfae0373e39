package org.finetunelab.model;

import org.finetunelab.text.Tokenizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

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

    /**
     * The continuation of {@code prompt} (without the prompt). Every way the lab generates text comes here: it
     * ends at the end-of-text token, at {@code config}'s maximum length, or before the first of its stop
     * strings, which is cut off. An empty prompt starts from the end-of-text token, i.e. from nothing.
     */
    public String generate(String prompt, GenerationConfig config) {
        return generate(prompt, config, null);
    }

    /** Greedy continuation of at most {@code maxNewTokens} tokens. */
    public String generate(String prompt, int maxNewTokens) {
        return generate(prompt, GenerationConfig.greedy(maxNewTokens));
    }

    /**
     * As {@link #generate(String, GenerationConfig)}, and hands each new piece of text to {@code onText} as soon
     * as it is certain (whole characters, never past a stop string), for text that appears while it is written.
     */
    public String generate(String prompt, GenerationConfig config, Consumer<String> onText) {
        int[] ids = tokenizer.encode(prompt);
        if (ids.length == 0) {
            ids = new int[] {tokenizer.endOfTextId()};
        }
        StreamingText text = new StreamingText(tokenizer, config.stopStrings());
        IntConsumer onToken = onText == null ? text::add : id -> onText.accept(text.add(id));
        new Generator(model).generate(ids, config, tokenizer.endOfTextId(), generated -> text.stopped(), onToken);
        if (onText != null) {
            onText.accept(text.rest());
        }
        return text.text();
    }

    @Override
    public void close() {
        tokenizer.close();
        model.close();
    }
}
