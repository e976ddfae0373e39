package org.finetunelab.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.finetunelab.text.BpeTrainer;
import org.finetunelab.text.BpeTrainingConfig;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A base model folder small enough for unit tests (a 300-token tokenizer, a few thousand weights). */
public final class TinyLanguageModel {
    public static final int VOCAB = 300;

    private TinyLanguageModel() {
    }

    /** Writes {@code config.json}, {@code model.safetensors} and {@code tokenizer.json} into {@code dir/base}. */
    public static Path save(Path dir) throws IOException {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            texts.add("Stop here, please. The dog ran " + i + " times around the garden.");
        }
        Path tokenizer = new BpeTrainer(BpeTrainingConfig.ofVocabSize(VOCAB)).train(texts).save(dir.resolve("tok.json"));
        Path folder = dir.resolve("base");
        try (Gpt gpt = Gpt.create(GptConfig.tiny(VOCAB), 1, Device.cpu())) {
            ModelFiles.save(gpt, folder, tokenizer);
        }
        return folder;
    }

    /**
     * Makes the model predict the end-of-text token at every position, with probability near 1: that token's
     * (tied) embedding becomes large, and the final layer norm outputs it as a constant, so its logit (about
     * 1,000) beats every other (about 1).
     */
    public static void alwaysEndOfText(LanguageModel lm) {
        var params = lm.model().namedParameters();
        int eot = lm.tokenizer().endOfTextId();
        NDArray table = params.get("wte.weight").array();
        int rows = (int) table.getShape().get(0);
        int dim = (int) table.getShape().get(1);
        float[] values = table.toFloatArray();
        float[] row = new float[dim];
        for (int j = 0; j < dim; j++) {
            values[eot * dim + j] = 8;
            row[j] = 8;
        }
        try (NDManager scope = NDManager.newBaseManager(Device.cpu())) {
            params.get("wte.weight").copyFrom(scope.create(values, new Shape(rows, dim)));
            params.get("ln_f.bias").copyFrom(scope.create(row));
            params.get("ln_f.weight").copyFrom(scope.zeros(new Shape(dim)));
        }
    }
}
