package org.finetunelab.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.finetunelab.model.Forward;
import org.finetunelab.model.Gpt;
import org.finetunelab.model.Parameter;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LanguageModelLossTest {

    /** Loss and every gradient of one batch; the chunk size sets how many logits are made at once. */
    private static Map<String, float[]> lossAndGradients(Gpt model, Batch batch, long chunkNumbers) {
        Map<String, float[]> out = new LinkedHashMap<>();
        try (GradientCollector collector = Engine.getInstance().newGradientCollector();
             NDManager scope = model.newScope()) {
            Forward f = new Forward(scope, true);
            NDArray hidden = model.hidden(f, batch.inputArray(scope), null);
            NDArray loss = chunkNumbers == 0
                    ? LanguageModelLoss.loss(f, model.logits(f, hidden), batch.targetArray(scope), batch.weightArray(scope),
                    f.scalar((float) batch.weightSum()))
                    : LanguageModelLoss.chunkedLoss(model, f, hidden, batch.targetArray(scope), batch.weightArray(scope),
                    f.scalar((float) batch.weightSum()), chunkNumbers);
            collector.backward(loss);
            out.put("loss", new float[]{loss.getFloat()});
        }
        for (Map.Entry<String, Parameter> e : model.namedParameters().entrySet()) {
            NDArray g = e.getValue().array().getGradient();
            out.put(e.getKey(), g.toFloatArray());
            g.subi(g);
        }
        return out;
    }

    @Test
    void computingTheLogitsInBlocksGivesTheSameLossAndGradients() {
        // 4 × 16 positions and 23 words: blocks of 100 numbers hold 4 positions, so the batch is cut into 16 blocks.
        TokenWindows data = TokenWindows.builder(TrainerTest.patternStream(400)).batchSize(4).windowLength(16).seed(3).build();
        Batch batch = data.batch(0);
        try (Gpt model = Gpt.create(TrainerTest.config(0), 1, Device.cpu())) {
            Map<String, float[]> whole = lossAndGradients(model, batch, 0);
            Map<String, float[]> blocks = lossAndGradients(model, batch, 100);
            Map<String, float[]> oneRowEach = lossAndGradients(model, batch, 1);
            for (Map<String, float[]> other : java.util.List.of(blocks, oneRowEach)) {
                assertEquals(whole.keySet(), other.keySet());
                whole.forEach((name, expected) -> {
                    float[] got = other.get(name);
                    for (int i = 0; i < expected.length; i++) {
                        assertEquals(expected[i], got[i], 1e-6 + 1e-5 * Math.abs(expected[i]), name + "[" + i + "]");
                    }
                });
            }
            assertEquals(Math.log(23), whole.get("loss")[0], 0.3, "an untrained model is about uniform over the 23 words");
        }
    }
}
