package org.finetunelab.peft;

import org.finetunelab.model.GenerationConfig;
import org.finetunelab.model.Generator;
import org.finetunelab.model.Gpt;
import org.finetunelab.model.GptConfig;
import org.finetunelab.train.StepRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.finetunelab.peft.PeftFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

class FineTuningMethodsTest {

    @Test
    void trainingChangesOnlyTheMethodsWeightsAndEveryOneGetsAGradient() {
        for (Map.Entry<String, Function<Gpt, FineTuningMethod>> e : peftMethods().entrySet()) {
            try (Gpt model = model()) {
                Map<String, float[]> before = snapshot(model);
                FineTuningMethod method = e.getValue().apply(model);
                Set<String> own = fullNames(model, method);
                assertEquals(own, model.trainableParameters().keySet(), e.getKey() + ": trainable = the method's weights");
                assertTrue(method.trainableCount() > 0 && method.trainablePercent() < 50, e.getKey() + " " + method);

                fit(model, 3, 8);

                Map<String, float[]> after = snapshot(model);
                before.forEach((name, values) -> assertArrayEquals(values, after.get(name),
                        e.getKey() + ": base weight " + name + " changed"));
                // After an update B / up are no longer zero, so every method weight is on the gradient's path.
                gradientSizes(model).forEach((name, size) -> assertTrue(size > 0,
                        e.getKey() + ": " + name + " got no gradient"));
            }
        }
    }

    @Test
    void gradientsAreTheSameWhenGarbageIsCollectedBeforeBackward() {
        for (Map.Entry<String, Function<Gpt, FineTuningMethod>> e : peftMethods().entrySet()) {
            if (e.getKey().equals("lora")) {
                continue;   // its dropout draws different masks each pass
            }
            try (Gpt model = model()) {
                e.getValue().apply(model);
                fit(model, 1, 8);
                Map<String, Double> plain = gradientSizes(model, false);
                Map<String, Double> collected = gradientSizes(model, true);
                plain.forEach((name, size) -> assertEquals(size, collected.get(name), 1e-6 * (1 + size), e.getKey() + " " + name));
            }
        }
        try (Gpt model = model()) {
            FineTuning.lora(model, LoraConfig.allLinear(4));
            fit(model, 1, 8);
            assertEquals(gradientSizes(model, false), gradientSizes(model, true), "lora without dropout");
        }
    }

    @Test
    void loraAdaptersAndIa3StartExactlyAsTheBaseWhilePromptsAndPrefixesDoNot() {
        for (Map.Entry<String, Function<Gpt, FineTuningMethod>> e : peftMethods().entrySet()) {
            try (Gpt model = model()) {
                float[] base = logits(model);
                e.getValue().apply(model);
                double diff = maxDiff(base, logits(model));
                if (e.getKey().startsWith("prompt") || e.getKey().startsWith("prefix")) {
                    assertTrue(diff > 1e-6, e.getKey() + " should change the outputs, diff " + diff);
                } else {
                    assertEquals(0.0, diff, 1e-6, e.getKey() + " should start as the base");
                }
            }
        }
    }

    @Test
    void mergedLoraGivesTheSameLogitsAndUnmergeRestoresTheBase() {
        try (Gpt model = model()) {
            Map<String, float[]> base = snapshot(model);
            Lora lora = FineTuning.lora(model, LoraConfig.allLinear(4));
            fit(model, 3, 8);
            float[] unmerged = logits(model);
            lora.merge();
            assertTrue(lora.merged());
            assertTrue(maxDiff(base.get("h.0.attn.c_attn.weight"),
                    model.namedParameters().get("h.0.attn.c_attn.weight").array().toFloatArray()) > 1e-4, "W changed");
            assertEquals(0.0, maxDiff(unmerged, logits(model)), 1e-4);
            assertThrows(IllegalStateException.class, () -> lora.setEnabled(false));
            lora.unmerge();
            snapshot(model).forEach((name, values) -> {
                if (base.containsKey(name)) {
                    assertEquals(0.0, maxDiff(base.get(name), values), 1e-5, name);
                }
            });
            assertEquals(0.0, maxDiff(unmerged, logits(model)), 1e-5);
        }
    }

    @Test
    void generationWithTheCacheEqualsRecomputationForPromptAndPrefixTuning() {
        for (String which : List.of("prompt", "prefix", "prefix+mlp")) {
            try (Gpt model = model()) {
                peftMethods().get(which).apply(model);
                fit(model, 2, 8);
                Generator g = new Generator(model);
                int[] prompt = {3, 1, 4, 1, 5};
                GenerationConfig cfg = GenerationConfig.greedy(20);   // overflows the 16-token context
                int[] cached = g.generate(prompt, cfg.withCache(true));
                assertArrayEquals(g.generate(prompt, cfg.withCache(false)), cached, which);
                assertEquals(20, cached.length);
            }
        }
    }

    @Test
    void foldingThePrefixMlpKeepsTheOutputs() {
        try (Gpt model = model()) {
            PrefixTuning prefix = FineTuning.prefixTuning(model, PrefixConfig.withProjection(3, 8, 16));
            fit(model, 2, 8);
            float[] before = logits(model);
            assertTrue(prefix.usesProjection());
            assertTrue(prefix.weights().keySet().stream().allMatch(k -> k.startsWith("encoder.")));
            prefix.fold();
            assertFalse(prefix.usesProjection());
            assertEquals(0.0, maxDiff(before, logits(model)), 1e-5);
            assertEquals(fullNames(model, prefix), model.trainableParameters().keySet());
            assertEquals(2 * 2 * 2 * 3 * 16, prefix.trainableCount());   // layers · (k, v) · heads · length · headSize
        }
    }

    @Test
    void fullFreezingAndBitFitSelectTheRightWeights() {
        try (Gpt model = model()) {
            BaseWeights full = FineTuning.full(model);
            assertEquals(model.parameterCount(), full.trainableCount());

            BaseWeights frozen = FineTuning.freeze(model, true, 1);
            assertTrue(model.trainableParameters().keySet().stream()
                    .noneMatch(n -> n.startsWith("wte") || n.startsWith("wpe") || n.startsWith("h.0.")));
            assertTrue(model.trainableParameters().containsKey("h.1.mlp.c_fc.weight"));
            assertEquals(model.trainableParameterCount(), frozen.trainableCount());

            BaseWeights bitFit = FineTuning.bitFit(model);
            assertTrue(model.trainableParameters().keySet().stream().allMatch(n -> n.endsWith(".bias")));
            assertTrue(model.trainableParameters().containsKey("h.0.ln_1.bias"));
            assertTrue(bitFit.trainablePercent() < 5, bitFit.toString());
        }
    }

    @Test
    void gradualUnfreezingAddsOneBlockEveryKSteps() {
        try (Gpt model = Gpt.create(new GptConfig(VOCAB, 16, 32, 3, 2, 4, 0f, true, "gelu", 1e-5f), 1,
                ai.djl.Device.cpu())) {
            GradualUnfreezing unfreezing = FineTuning.gradualUnfreezing(model, 2);
            assertEquals(1, unfreezing.unfrozenBlocks());
            assertTrue(model.trainableParameters().containsKey("h.2.attn.c_attn.weight"));
            assertFalse(model.trainableParameters().containsKey("h.1.attn.c_attn.weight"));
            assertTrue(model.trainableParameters().containsKey("ln_f.weight"));
            unfreezing.onStep(new StepRecord(0, 1, Double.NaN, 1e-3, 1, 1));
            assertEquals(1, unfreezing.unfrozenBlocks());
            unfreezing.onStep(new StepRecord(1, 1, Double.NaN, 1e-3, 1, 1));
            assertEquals(2, unfreezing.unfrozenBlocks());
            assertTrue(model.trainableParameters().containsKey("h.1.attn.c_attn.weight"));
            for (int step = 2; step < 8; step++) {
                unfreezing.onStep(new StepRecord(step, 1, Double.NaN, 1e-3, 1, 1));
            }
            assertEquals(model.parameterCount(), model.trainableParameterCount(), "embeddings come last");
        }
    }

    @Test
    void badConfigurationsFailBeforeTrainingAndNameTheField() {
        assertMessage(() -> LoraConfig.attention(0), "rank");
        assertMessage(() -> new LoraConfig(4, 8, 0, List.of("q_proj"), 1), "targetModules", "c_attn", "mlp.c_proj");
        assertMessage(() -> AdapterConfig.of(0), "bottleneck");
        assertMessage(() -> PromptConfig.random(0), "virtualTokens");
        try (Gpt model = model()) {
            Map<String, float[]> base = snapshot(model);
            assertMessage(() -> FineTuning.lora(model, LoraConfig.attention(33)), "rank", "32");
            assertMessage(() -> FineTuning.promptTuning(model, PromptConfig.random(16)), "virtualTokens", "15");
            assertTrue(model.trainableParameters().keySet().containsAll(base.keySet()), "nothing was frozen");
            FineTuning.promptTuning(model, PromptConfig.random(15));   // 15 + 1 fits the context of 16

            FineTuning.lora(model, LoraConfig.attention(4));
            assertMessage(() -> FineTuning.lora(model, LoraConfig.attention(4)), "twice");
            FineTuning.adapters(model, AdapterConfig.of(2));
            assertMessage(() -> FineTuning.adapters(model, AdapterConfig.of(2)), "twice");
            FineTuning.ia3(model, Ia3Config.standard());
            assertMessage(() -> FineTuning.ia3(model, Ia3Config.standard()), "twice");
            FineTuning.prefixTuning(model, PrefixConfig.of(2));
            assertMessage(() -> FineTuning.prefixTuning(model, PrefixConfig.of(2)), "twice");
            assertMessage(() -> FineTuning.promptTuning(model, PromptConfig.random(1)), "virtualTokens");
        }
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String... words) {
        RuntimeException e = assertThrows(RuntimeException.class, call);
        for (String w : words) {
            assertTrue(e.getMessage().contains(w), "message should name '" + w + "': " + e.getMessage());
        }
    }

    /** The numbers a lesson quotes: trainable share of each method on the lab's CPU base model. */
    @Test
    void trainableShareOnTheBaseModel() {
        Map<String, Function<Gpt, FineTuningMethod>> methods = new java.util.LinkedHashMap<>();
        methods.put("full", FineTuning::full);
        methods.put("freeze emb + 3 blocks", m -> FineTuning.freeze(m, true, 3));
        methods.put("bitfit", FineTuning::bitFit);
        methods.put("adapters 16", m -> FineTuning.adapters(m, AdapterConfig.of(16)));
        methods.put("lora r8 c_attn", m -> FineTuning.lora(m, LoraConfig.attention(8)));
        methods.put("lora r8 all", m -> FineTuning.lora(m, LoraConfig.allLinear(8)));
        methods.put("prompt 20", m -> FineTuning.promptTuning(m, PromptConfig.random(20)));
        methods.put("prefix 10", m -> FineTuning.prefixTuning(m, PrefixConfig.of(10)));
        methods.put("prefix 10 mlp", m -> FineTuning.prefixTuning(m, PrefixConfig.withProjection(10, 64, 128)));
        methods.put("ia3", m -> FineTuning.ia3(m, Ia3Config.standard()));
        long previous = Long.MAX_VALUE;
        for (var e : methods.entrySet()) {
            try (Gpt model = Gpt.create(GptConfig.baseCpu(4096), 1, ai.djl.Device.cpu())) {
                FineTuningMethod m = e.getValue().apply(model);
                System.out.printf("%-24s %s%n", e.getKey(), m);
                assertEquals(model.trainableParameterCount(), m.trainableCount(), e.getKey());
                if (e.getKey().equals("full")) {
                    previous = m.trainableCount();
                } else {
                    assertTrue(m.trainableCount() < previous, e.getKey());
                }
            }
        }
    }
}
