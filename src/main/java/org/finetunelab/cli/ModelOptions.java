package org.finetunelab.cli;

import org.finetunelab.model.Gpt;
import org.finetunelab.model.ModelFiles;
import org.finetunelab.text.Tokenizer;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code --model DIR} option shared by commands that use a trained model. */
final class ModelOptions {
    @Option(names = {"-m", "--model"}, paramLabel = "DIR", defaultValue = "data/models/base",
            description = "model folder with config.json, model.safetensors and tokenizer.json (default: ${DEFAULT-VALUE})")
    Path model;

    Gpt loadModel() throws IOException {
        return ModelFiles.load(model);
    }

    Tokenizer loadTokenizer() throws IOException {
        Path file = model.resolve(ModelFiles.TOKENIZER);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(model + " has no tokenizer.json: copy the tokenizer the model was trained with into it.");
        }
        return Tokenizer.load(file);
    }
}
