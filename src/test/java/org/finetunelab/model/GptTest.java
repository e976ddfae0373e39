package org.finetunelab.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.finetunelab.train.Batch;
import org.finetunelab.train.LanguageModelLoss;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GptTest {
    static final int VOCAB = 11;

    static Batch randomBatch(long seed, int rows, int length, int vocab) {
        Random r = new Random(seed);
        long[] in = new long[rows * length];
        long[] out = new long[rows * length];
        float[] w = new float[rows * length];
        for (int i = 0; i < in.length; i++) {
            in[i] = r.nextInt(vocab);
            out[i] = r.nextInt(vocab);
            w[i] = 1f;
        }
        return new Batch(rows, length, in, out, w);
    }

    static float loss(Gpt model, Batch b) {
        try (NDManager scope = model.newScope()) {
            return LanguageModelLoss.batchLoss(model, new Forward(scope, false), b, b.weightSum()).getFloat();
        }
    }

    @Test
    void parameterCountsFollowFromTheConfig() {
        GptConfig c = GptConfig.tiny(VOCAB);
        try (Gpt model = Gpt.create(c, 1, Device.cpu())) {
            int d = c.dModel();
            long perBlock = 2L * 2 * d + (d * 3L * d + 3L * d) + (d * (long) d + d) + (d * 4L * d + 4L * d) + (4L * d * d + d);
            long expected = (long) VOCAB * d + (long) c.contextLength() * d + c.nLayers() * perBlock + 2L * d;
            assertEquals(expected, model.parameterCount());
            assertTrue(model.namedParameters().containsKey("h.1.attn.c_attn.weight"));
            assertTrue(model.parameterSummary().contains("wte.weight"));
        }
    }

    @Test
    void sameSeedSameWeightsDifferentSeedDifferentWeights() {
        GptConfig c = GptConfig.tiny(VOCAB);
        try (Gpt a = Gpt.create(c, 7, Device.cpu()); Gpt b = Gpt.create(c, 7, Device.cpu()); Gpt d = Gpt.create(c, 8, Device.cpu())) {
            float[] wa = a.wte().table().array().toFloatArray();
            assertArrayEquals(wa, b.wte().table().array().toFloatArray());
            assertNotEquals(wa[0], d.wte().table().array().toFloatArray()[0]);
        }
    }

    @Test
    void futureTokensNeverChangeEarlierLogits() {
        GptConfig c = GptConfig.tiny(VOCAB);
        try (Gpt model = Gpt.create(c, 3, Device.cpu()); NDManager m = model.newScope()) {
            Forward f = new Forward(m, false);
            long[] ids = {1, 2, 3, 4, 5, 6, 7, 8};
            NDArray before = model.forward(f, m.create(ids, new Shape(1, 8)));
            for (int changed = 1; changed < ids.length; changed++) {
                long[] other = ids.clone();
                other[changed] = (other[changed] + 5) % VOCAB;
                NDArray after = model.forward(f, m.create(other, new Shape(1, 8)));
                NDIndex past = new NDIndex(":, :{}, :", changed);
                assertArrayEquals(before.get(past).toFloatArray(), after.get(past).toFloatArray(), 0f,
                        "changing token " + changed + " altered an earlier position");
                NDIndex self = new NDIndex(":, {}, :", changed);
                assertTrue(before.get(self).sub(after.get(self)).abs().max().getFloat() > 1e-6,
                        "the changed position itself must see its new token");
            }
        }
    }

    @Test
    void autogradMatchesNumericalGradients() {
        GptConfig c = new GptConfig(VOCAB, 8, 8, 2, 2, 4, 0f, true, "gelu_new", 1e-5f);
        Batch batch = randomBatch(5, 2, 6, VOCAB);
        try (Gpt model = Gpt.create(c, 11, Device.cpu())) {
            try (NDManager scope = model.newScope(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(LanguageModelLoss.batchLoss(model, new Forward(scope, true), batch, batch.weightSum()));
            }
            for (Map.Entry<String, Parameter> e : model.namedParameters().entrySet()) {
                NDArray w = e.getValue().array();
                float[] grad = w.getGradient().toFloatArray();
                float[] values = w.toFloatArray();
                int i = argMaxAbs(grad);
                assertTrue(Math.abs(grad[i]) > 0, e.getKey() + " received no gradient");
                float h = 1e-2f;
                float numeric = (perturbedLoss(model, w, values, i, h, batch) - perturbedLoss(model, w, values, i, -h, batch)) / (2 * h);
                w.set(java.nio.FloatBuffer.wrap(values));
                assertEquals(grad[i], numeric, 2e-3 + 0.05 * Math.abs(grad[i]), "gradient of " + e.getKey() + "[" + i + "]");
            }
        }
    }

    private static float perturbedLoss(Gpt model, NDArray w, float[] values, int i, float h, Batch b) {
        float[] copy = values.clone();
        copy[i] += h;
        w.set(java.nio.FloatBuffer.wrap(copy));
        return loss(model, b);
    }

    private static int argMaxAbs(float[] a) {
        int best = 0;
        for (int i = 1; i < a.length; i++) {
            if (Math.abs(a[i]) > Math.abs(a[best])) {
                best = i;
            }
        }
        return best;
    }

    @Test
    void contextOverflowIsExplained() {
        GptConfig c = GptConfig.tiny(VOCAB);
        try (Gpt model = Gpt.create(c, 3, Device.cpu()); NDManager m = model.newScope()) {
            NDArray ids = m.zeros(new Shape(1, c.contextLength() + 1), ai.djl.ndarray.types.DataType.INT64);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.forward(new Forward(m, false), ids));
            assertTrue(e.getMessage().contains("context of 16 tokens"), e.getMessage());
        }
    }

    @Test
    void impossibleConfigsNameTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GptConfig(100, 16, 30, 2, 4, 4, 0f, true, "gelu", 1e-5f));
        assertTrue(e.getMessage().contains("nHeads"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GptConfig.fromJson("{\"vocabSize\": -3}", "config.json"));
        GptConfig c = GptConfig.tiny(50);
        assertEquals(c, GptConfig.fromJson(c.toJson(), "x"));
    }
}
