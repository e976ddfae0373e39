package org.finetunelab.train;

import org.finetunelab.model.Gpt;
import org.finetunelab.model.Parameter;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DPO on {@link PreferenceFixtures}: a tiny model, and pairs whose chosen answers end in 7 and rejected ones in 8. */
class DpoTest {
    private static Gpt model() {
        return PreferenceFixtures.model();
    }

    private static PairBatches batches() {
        return PreferenceFixtures.batches();
    }

    static Map<String, float[]> snapshot(Gpt model) {
        Map<String, float[]> out = new java.util.TreeMap<>();
        for (Map.Entry<String, Parameter> e : model.namedParameters().entrySet()) {
            out.put(e.getKey(), e.getValue().array().toFloatArray());
        }
        return out;
    }

    @Test
    void pairBatchesPutChosenRowsFirstAndWeighOnlyTheAnswers() {
        Batch b = batches().batch(0);
        assertEquals(8, b.rows());
        int length = b.length();
        for (int r = 0; r < 4; r++) {
            // Position 2 predicts the answer's first token: 7 for the chosen row, 8 for its rejected twin.
            assertEquals(7, b.targets()[r * length + 2]);
            assertEquals(8, b.targets()[(4 + r) * length + 2]);
            assertEquals(b.inputs()[r * length], b.inputs()[(4 + r) * length], "the same instruction");
            assertEquals(0f, b.weights()[r * length + 1], "prompt targets do not count");
            assertEquals(1f, b.weights()[r * length + 4], "the end of text counts");
        }
    }

    @Test
    void aPolicyEqualToItsReferenceHasZeroMarginAndLossLog2() {
        try (Gpt policy = model(); Gpt reference = model()) {
            Dpo dpo = new Dpo(reference, 0.1f);
            double loss = LanguageModelLoss.evaluate(policy, List.of(batches().batch(0)), dpo);
            assertEquals(Math.log(2), loss, 1e-5);
            assertEquals(0, dpo.lastMargin(), 1e-6);
        }
    }

    @Test
    void trainingRaisesTheChosenAnswersAndLeavesTheReferenceAlone() {
        try (Gpt policy = model(); Gpt reference = model()) {
            Map<String, float[]> referenceBefore = snapshot(reference);
            policy.namedParameters().values().forEach(p -> p.setTrainable(true));
            Dpo dpo = new Dpo(reference, 0.5f);
            TrainConfig config = TrainConfig.defaults(40).withLearningRate(1e-2f, 1e-3f).withEvaluation(0, 0);
            try (Trainer trainer = Trainer.builder(policy).config(config).train(batches()).noValidation().objective(dpo).build()) {
                TrainingResult result = trainer.fit();
                assertTrue(result.finalTrainLoss() < 0.3, "loss fell from log 2: " + result.finalTrainLoss());
            }
            LanguageModelLoss.evaluate(policy, batches().inOrder(), dpo);
            assertEquals(1.0, dpo.lastAccuracy(), "every pair prefers its chosen answer");
            assertTrue(dpo.lastMargin() > 0);
            Map<String, float[]> referenceAfter = snapshot(reference);
            referenceBefore.forEach((name, values) -> assertArrayEquals(values, referenceAfter.get(name), name));
        }
    }

    /** β scales the margin: the same policy and reference give twice the margin at twice the β (a β ignored would not). */
    @Test
    void betaScalesTheMargin() {
        try (Gpt policy = model(); Gpt reference = model()) {
            // Nudge the policy away from the reference so that the margin is not zero.
            Parameter wte = policy.namedParameters().get("wte.weight");
            float[] values = wte.array().toFloatArray();
            values[7 * 16] += 0.5f;
            wte.array().set(values);
            Dpo small = new Dpo(reference, 0.1f);
            Dpo large = new Dpo(reference, 0.2f);
            List<Batch> one = List.of(batches().batch(0));
            double lossSmall = LanguageModelLoss.evaluate(policy, one, small);
            double lossLarge = LanguageModelLoss.evaluate(policy, one, large);
            assertTrue(Math.abs(small.lastMargin()) > 1e-4, "the nudge changed the margin: " + small.lastMargin());
            assertEquals(2 * small.lastMargin(), large.lastMargin(), 1e-5);
            // The right sign: a positive margin gives a loss below log 2.
            assertEquals(small.lastMargin() > 0, lossSmall < Math.log(2), Arrays.toString(new double[]{lossSmall, lossLarge}));
        }
    }
}
