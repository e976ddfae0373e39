package org.finetunelab.experiments.bench;

import ai.djl.Device;
import org.finetunelab.model.Gpt;
import org.finetunelab.model.GptConfig;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchPartsTest {

    @Test
    void statsGiveMinMedianAndMax() {
        assertEquals(new Stats(1, 3, 9, 3), Stats.of(9, 1, 3));
        assertEquals(new Stats(1, 2.5, 4, 4), Stats.of(4, 1, 3, 2));
        Stats tokensPerSecond = Stats.of(100, 200).inverted(ms -> 1000 / ms);
        assertEquals(5, tokensPerSecond.min(), 1e-9);
        assertEquals(10, tokensPerSecond.max(), 1e-9);
    }

    @Test
    void flopsCountEveryMultiplyingWeightAndTheTiedHead() {
        GptConfig c = GptConfig.baseCpu(4096);
        try (Gpt model = Gpt.create(c, 1, Device.cpu())) {
            long d = c.dModel();
            long perLayer = 12 * d * d + 13 * d;   // q,k,v,proj,fc,proj weights and biases, two LayerNorms
            long n = c.nLayers() * perLayer + 2 * d + c.vocabSize() * d;
            assertEquals(n, ModelFlops.matmulWeights(model));
            assertEquals(6 * n + 12L * c.nLayers() * c.contextLength() * d, ModelFlops.trainingFlopsPerToken(model, false));
            assertEquals(4 * n + 12L * c.nLayers() * c.contextLength() * d, ModelFlops.trainingFlopsPerToken(model, true));
        }
    }

    @Test
    void pythonOutputIsParsedAndBadOutputIsExplained() {
        PytorchReference.Result ok = PytorchReference.parse(
                "{\"torch\": \"1.13.1\", \"threads\": 2, \"results\": [{\"name\": \"base-cpu/full\", \"parameters\": 7,"
                        + " \"ms_per_step\": [3, 1, 2]}]}");
        assertTrue(ok.available());
        assertEquals(new Stats(1, 2, 3, 3), ok.msPerStep().get("base-cpu/full"));
        assertEquals(7L, ok.parameters().get("base-cpu/full"));
        PytorchReference.Result bad = PytorchReference.parse("Traceback: no module named torch");
        assertFalse(bad.available());
        assertTrue(bad.unavailableReason().contains("no module named torch"), bad.unavailableReason());
    }

    @Test
    void casesForPythonDescribeTheIdenticalModels() {
        BenchConfig config = BenchConfig.quick(BenchPreset.cpuPresets());
        String json = PytorchReference.casesJson(config);
        assertTrue(json.contains("\"name\":\"base-cpu/full\"") && json.contains("\"name\":\"small-2m/lora\""), json);
        assertTrue(json.contains("\"d\":192") && json.contains("\"layers\":6") && json.contains("\"heads\":6"), json);
    }
}
