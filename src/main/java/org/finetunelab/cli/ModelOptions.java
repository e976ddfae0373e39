package org.finetunelab.cli;

import org.finetunelab.model.LanguageModel;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/** The {@code --model DIR} option shared by commands that use a trained model. */
final class ModelOptions {
    @Option(names = {"-m", "--model"}, paramLabel = "DIR", defaultValue = "data/models/base",
            description = "model folder with config.json, model.safetensors and tokenizer.json (default: ${DEFAULT-VALUE})")
    Path model;

    LanguageModel load() throws IOException {
        return LanguageModel.load(model);
    }
}
