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

import static org.finetunelab.peft.PeftFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

class AdapterSetTest {

    @Test
    void switchingGivesEachAdaptersOwnOutputsAndNoneGivesTheBase(@TempDir Path dir) throws Exception {
        Map<String, Function<Gpt, FineTuningMethod>> kinds = new LinkedHashMap<>();
        kinds.put("loraA", m -> FineTuning.lora(m, LoraConfig.attention(4).withSeed(1), "loraA"));
        kinds.put("loraB", m -> FineTuning.lora(m, LoraConfig.allLinear(2).withSeed(2), "loraB"));
        kinds.put("bottleneck", m -> FineTuning.adapters(m, AdapterConfig.of(4), "bottleneck"));
        kinds.put("prefix", m -> FineTuning.prefixTuning(m, PrefixConfig.of(2), "prefix"));
        kinds.put("prompt", m -> FineTuning.promptTuning(m, PromptConfig.random(2), "prompt"));
        kinds.put("ia3", m -> FineTuning.ia3(m, Ia3Config.standard(), "ia3"));

        // Train each adapter alone on its own copy of the base and remember its outputs.
        Map<String, float[]> alone = new LinkedHashMap<>();
        Map<String, String> aloneText = new LinkedHashMap<>();
        String prompt = "The dog";
        Path basePath = TinyLanguageModel.save(dir);
        float[] base;
        try (LanguageModel lm = LanguageModel.load(basePath)) {
            base = logits(lm.model());
        }
        for (var e : kinds.entrySet()) {
            try (LanguageModel lm = LanguageModel.load(basePath)) {
                FineTuningMethod m = e.getValue().apply(lm.model());
                fit(lm.model(), 3, 8);
                m.save(dir.resolve(e.getKey()));
                alone.put(e.getKey(), logits(lm.model()));
                aloneText.put(e.getKey(), lm.generate(prompt, GenerationConfig.greedy(6)));
            }
        }

        try (LanguageModel lm = LanguageModel.load(basePath)) {
            Gpt model = lm.model();
            AdapterSet set = new AdapterSet(lm);
            for (String name : kinds.keySet()) {
                set.load(name, dir.resolve(name));
            }
            assertEquals(kinds.keySet(), set.names());
            for (String name : kinds.keySet()) {
                set.activate(name);
                assertEquals(0.0, maxDiff(alone.get(name), logits(model)), 1e-5, name);
                assertEquals(aloneText.get(name), set.generate(name, prompt, GenerationConfig.greedy(6)), name);
                set.activate(AdapterSet.NONE);
                assertEquals(0.0, maxDiff(base, logits(model)), 1e-6, "none after " + name);
            }

            set.combine(Map.of("loraA", 1f, "loraB", 0f));
            assertEquals(0.0, maxDiff(alone.get("loraA"), logits(model)), 1e-5);
            set.combine(Map.of("loraA", 0.5f, "loraB", 0.5f));
            float[] mix = logits(model);
            assertTrue(maxDiff(mix, alone.get("loraA")) > 1e-5 && maxDiff(mix, alone.get("loraB")) > 1e-5);
            assertThrows(IllegalArgumentException.class, () -> set.combine(Map.of("prefix", 1f)));
            assertThrows(IllegalArgumentException.class, () -> set.activate("nobody"));
        }
    }

    @Test
    void generationWithAnAdapterStopsAtStopStringsAndAtEndOfText(@TempDir Path dir) throws Exception {
        Path basePath = TinyLanguageModel.save(dir);
        try (LanguageModel lm = LanguageModel.load(basePath)) {
            AdapterSet set = new AdapterSet(lm);
            set.add(FineTuning.lora(lm.model(), LoraConfig.allLinear(4), "a"));
            set.activate("a");
            fit(lm.model(), 5, 8);
            String free = set.generate("a", "The dog", GenerationConfig.greedy(12));
            String stop = free.substring(free.length() / 2, free.length() / 2 + 2);
            assertEquals(free.substring(0, free.indexOf(stop)), set.generate("a", "The dog", GenerationConfig.greedy(12).withStop(stop)));

            TinyLanguageModel.alwaysEndOfText(lm);
            assertEquals("", set.generate("a", "The dog", GenerationConfig.greedy(5)), "ends at end of text");
            assertEquals("", set.generate(AdapterSet.NONE, "The dog", GenerationConfig.greedy(5)));
        }
    }
}
