package org.finetunelab.peft;

import org.finetunelab.model.GenerationConfig;
import org.finetunelab.model.Generator;
import org.finetunelab.model.Gpt;
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
        Map<String, int[]> aloneText = new LinkedHashMap<>();
        int[] prompt = {2, 4, 6};
        float[] base;
        try (Gpt model = model()) {
            base = logits(model);
        }
        for (var e : kinds.entrySet()) {
            try (Gpt model = model()) {
                FineTuningMethod m = e.getValue().apply(model);
                fit(model, 3, 8);
                m.save(dir.resolve(e.getKey()));
                alone.put(e.getKey(), logits(model));
                aloneText.put(e.getKey(), new Generator(model).generate(prompt, GenerationConfig.greedy(6)));
            }
        }

        try (Gpt model = model()) {
            AdapterSet set = new AdapterSet(model);
            for (String name : kinds.keySet()) {
                set.load(name, dir.resolve(name));
            }
            assertEquals(kinds.keySet(), set.names());
            for (String name : kinds.keySet()) {
                set.activate(name);
                assertEquals(0.0, maxDiff(alone.get(name), logits(model)), 1e-5, name);
                assertArrayEquals(aloneText.get(name), set.generate(name, prompt, GenerationConfig.greedy(6)), name);
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
}
