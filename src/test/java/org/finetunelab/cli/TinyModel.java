package org.finetunelab.cli;

import ai.djl.Device;
import org.finetunelab.model.Gpt;
import org.finetunelab.model.GptConfig;
import org.finetunelab.model.ModelFiles;
import org.finetunelab.text.BpeTrainer;
import org.finetunelab.text.BpeTrainingConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A small random model with a real tokenizer, saved as a model folder: enough for every command. */
final class TinyModel {
    private TinyModel() {
    }

    static Path create(Path dir) throws Exception {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            texts.add("The cat sat on the mat number " + i + ". Bread needs flour, water and time.");
        }
        Path tokenizer = new BpeTrainer(BpeTrainingConfig.ofVocabSize(300)).train(texts).save(dir.resolve("tok.json"));
        Path model = dir.resolve("model");
        try (Gpt gpt = Gpt.create(new GptConfig(300, 32, 16, 1, 2, 4, 0f, true, "gelu", 1e-5f), 3, Device.cpu())) {
            ModelFiles.save(gpt, model, tokenizer);
        }
        return model;
    }
}
