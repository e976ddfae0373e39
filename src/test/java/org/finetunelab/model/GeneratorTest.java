package org.finetunelab.model;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeneratorTest {
    static final int VOCAB = 50;

    @Test
    void cacheGivesTheSameTokensAsRecomputation() {
        GptConfig c = GptConfig.tiny(VOCAB);   // context 16: 30 new tokens overflow the window
        try (Gpt model = Gpt.create(c, 4, Device.cpu())) {
            Generator g = new Generator(model);
            int[] prompt = {3, 1, 4, 1, 5};
            for (GenerationConfig cfg : List.of(GenerationConfig.greedy(30), GenerationConfig.sampling(30, 7),
                    GenerationConfig.sampling(30, 7).withTopK(0).withTopP(0.5f))) {
                int[] cached = g.generate(prompt, cfg.withCache(true));
                int[] recomputed = g.generate(prompt, cfg.withCache(false));
                assertEquals(30, cached.length);
                assertArrayEquals(recomputed, cached, "config " + cfg);
            }
        }
    }

    @Test
    void seedsMakeSamplingReproducible() {
        try (Gpt model = Gpt.create(GptConfig.tiny(VOCAB), 4, Device.cpu())) {
            Generator g = new Generator(model);
            int[] prompt = {1, 2};
            GenerationConfig hot = GenerationConfig.sampling(12, 1).withTemperature(2f).withTopK(0);
            assertArrayEquals(g.generate(prompt, hot), g.generate(prompt, hot));
            assertNotEquals(java.util.Arrays.toString(g.generate(prompt, hot)),
                    java.util.Arrays.toString(g.generate(prompt, hot.withSeed(2))));
        }
    }

    @Test
    void stopIdAndStopPredicateEndGeneration() {
        try (Gpt model = Gpt.create(GptConfig.tiny(VOCAB), 4, Device.cpu())) {
            Generator g = new Generator(model);
            int[] prompt = {1, 2};
            int[] free = g.generate(prompt, GenerationConfig.greedy(8));
            int[] stopped = g.generate(prompt, GenerationConfig.greedy(8), free[3], null, null);
            assertTrue(stopped.length <= 3);
            int[] two = g.generate(prompt, GenerationConfig.greedy(8), -1, ids -> ids.length == 2, null);
            assertEquals(2, two.length);
        }
    }

    @Test
    void topKOneIsGreedy() {
        float[] logits = {0.1f, 3f, 2.9f, -1f};
        Sampler s = new Sampler(GenerationConfig.sampling(1, 5).withTopK(1));
        for (int i = 0; i < 20; i++) {
            assertEquals(1, s.next(logits));
        }
        Sampler nucleus = new Sampler(GenerationConfig.sampling(1, 5).withTopK(0).withTopP(0.01f).withTemperature(1f));
        assertEquals(1, nucleus.next(logits));
    }

    @Test
    void emptyPromptAndBadSettingsAreExplained() {
        try (Gpt model = Gpt.create(GptConfig.tiny(VOCAB), 4, Device.cpu())) {
            assertThrows(IllegalArgumentException.class, () -> new Generator(model).generate(new int[0], GenerationConfig.greedy(3)));
        }
        assertThrows(IllegalArgumentException.class, () -> GenerationConfig.greedy(3).withTopP(0f));
        assertThrows(IllegalArgumentException.class, () -> GenerationConfig.greedy(3).withTemperature(-1f));
    }
}
