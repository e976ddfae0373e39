package org.finetunelab.peft;

import org.finetunelab.model.GenerationConfig;
import org.finetunelab.model.Gpt;
import org.finetunelab.model.LanguageModel;
import org.finetunelab.model.TinyLanguageModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import static org.finetunelab.peft.PeftFixtures.fit;
import static org.finetunelab.peft.PeftFixtures.logits;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Save in one line, load onto a freshly loaded base in one line, get the trained model's outputs back. */
class AdapterRoundTripTest {

    @Test
    void aSavedMethodLoadedOntoAFreshBaseGivesTheTrainedModelsOutputs(@TempDir Path dir) throws Exception {
        Map<String, Function<Gpt, FineTuningMethod>> kinds = new LinkedHashMap<>();
        kinds.put("lora", m -> FineTuning.lora(m, LoraConfig.allLinear(4)));
        kinds.put("adapters", m -> FineTuning.adapters(m, AdapterConfig.of(4)));
        kinds.put("prompt", m -> FineTuning.promptTuning(m, PromptConfig.random(2)));
        kinds.put("prefix", m -> FineTuning.prefixTuning(m, PrefixConfig.of(2)));
        kinds.put("ia3", m -> FineTuning.ia3(m, Ia3Config.standard()));
        kinds.put("bitfit", FineTuning::bitFit);
        Path base = TinyLanguageModel.save(dir);
        GenerationConfig sampling = GenerationConfig.sampling(10, 3);
        for (var kind : kinds.entrySet()) {
            Path saved = dir.resolve(kind.getKey());
            float[] trainedLogits;
            String trainedText;
            try (LanguageModel lm = LanguageModel.load(base)) {
                FineTuningMethod method = kind.getValue().apply(lm.model());
                fit(lm.model(), 4, 8);
                trainedLogits = logits(lm.model());
                trainedText = lm.generate("The dog", sampling);
                method.save(saved);
            }
            try (LanguageModel reloaded = FineTuning.loadModel(base, saved);
                 LanguageModel plain = LanguageModel.load(base)) {
                assertArrayEquals(trainedLogits, logits(reloaded.model()), kind.getKey());
                assertEquals(trainedText, reloaded.generate("The dog", sampling), kind.getKey());
                assertFalse(java.util.Arrays.equals(trainedLogits, logits(plain.model())), kind.getKey() + " trained something");
            }
        }
    }

    @Test
    void loadingSomethingElseNamesTheFolder(@TempDir Path dir) throws Exception {
        Path base = TinyLanguageModel.save(dir);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FineTuning.loadModel(base, dir));
        assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains("not a saved fine-tuning method"),
                e.getMessage());
    }
}
