package org.finetunelab.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.finetunelab.model.Forward;
import org.finetunelab.model.Gpt;
import org.finetunelab.model.GptConfig;
import org.finetunelab.model.Parameter;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Elastic weight consolidation on a tiny model: the Fisher, the penalty and its gradient, and λ = 0. */
class EwcTest {
    private static Gpt model() {
        Gpt model = Gpt.create(new GptConfig(23, 16, 16, 1, 2, 4, 0f, true, "gelu", 1e-5f), 5, Device.cpu());
        model.namedParameters().values().forEach(p -> p.setTrainable(true));
        return model;
    }

    /** "General text": windows of a random token stream, one window per batch. */
    private static List<Batch> general() {
        Random random = new Random(3);
        int[] tokens = random.ints(400, 0, 23).toArray();
        return TokenWindows.builder(tokens).batchSize(1).windowLength(12).seed(1).build().sequential(6);
    }

    /** "Task data": a different stream. */
    private static TokenWindows task() {
        int[] tokens = new int[300];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = 1 + i % 5;
        }
        return TokenWindows.builder(tokens).batchSize(4).windowLength(12).seed(2).build();
    }

    @Test
    void theFisherIsNonNegativeAndNotAllZero() {
        try (Gpt model = model(); Ewc ewc = Ewc.estimate(model, general(), 1f, LanguageModelLoss.NEXT_TOKEN)) {
            double total = 0;
            for (NDArray f : ewc.fisher().values()) {
                for (float v : f.toFloatArray()) {
                    assertTrue(v >= 0, "a squared gradient is never negative: " + v);
                    total += v;
                }
            }
            assertTrue(total > 0, "general text has gradients somewhere");
            assertEquals(model.trainableParameters().keySet(), ewc.fisher().keySet());
        }
    }

    @Test
    void thePenaltyIsZeroAtTheStartingWeights() {
        try (Gpt model = model(); Ewc ewc = Ewc.estimate(model, general(), 100f, LanguageModelLoss.NEXT_TOKEN)) {
            assertEquals(0.0, ewc.penaltyValue(model), 0.0);
        }
    }

    /**
     * After the weights move, autograd's gradient of the penalty is λ·F·(θ − θ₀) for every weight, and the
     * penalty's value is λ/2·Σ F·(θ − θ₀)².
     */
    @Test
    void thePenaltyAndItsGradientMatchTheFormula() {
        float lambda = 50f;
        try (Gpt model = model(); Ewc ewc = Ewc.estimate(model, general(), lambda, LanguageModelLoss.NEXT_TOKEN)) {
            Map<String, float[]> before = DpoTest.snapshot(model);
            try (Trainer trainer = Trainer.builder(model).config(TrainConfig.defaults(5).withLearningRate(1e-2f, 1e-2f)
                    .withWarmup(0).withEvaluation(0, 0)).train(task()).noValidation().build()) {
                trainer.fit();
            }
            Map<String, Parameter> params = model.namedParameters();
            double expected = 0;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector(); NDManager scope = model.newScope()) {
                NDArray penalty = ewc.penalty(model, new Forward(scope, true));
                System.gc();   // a Java number in the graph would be freed here and corrupt the gradient
                collector.backward(penalty);
                for (Map.Entry<String, NDArray> e : ewc.fisher().entrySet()) {
                    float[] f = e.getValue().toFloatArray();
                    float[] theta = params.get(e.getKey()).array().toFloatArray();
                    float[] theta0 = before.get(e.getKey());
                    float[] grad = params.get(e.getKey()).array().getGradient().toFloatArray();
                    for (int i = 0; i < f.length; i++) {
                        double d = theta[i] - theta0[i];
                        expected += lambda / 2 * f[i] * d * d;
                        assertEquals(lambda * f[i] * d, grad[i], 1e-6 + 1e-4 * Math.abs(lambda * f[i] * d), e.getKey() + "[" + i + "]");
                    }
                }
                assertTrue(expected > 0, "the weights moved where the Fisher is not zero");
                assertEquals(expected, penalty.getFloat(), 1e-4 * expected);
                params.values().forEach(p -> p.array().getGradient().subi(p.array().getGradient()));
            }
        }
    }

    @Test
    void lambdaZeroTrainsExactlyAsPlainTraining() {
        TrainConfig config = TrainConfig.defaults(6).withLearningRate(1e-2f, 1e-3f).withEvaluation(0, 0);
        Map<String, float[]> plain;
        try (Gpt model = model(); Trainer trainer = Trainer.builder(model).config(config).train(task()).noValidation().build()) {
            trainer.fit();
            plain = DpoTest.snapshot(model);
        }
        try (Gpt model = model(); Ewc ewc = Ewc.estimate(model, general(), 0f, LanguageModelLoss.NEXT_TOKEN);
             Trainer trainer = Trainer.builder(model).config(config).train(task()).noValidation().objective(ewc).build()) {
            trainer.fit();
            Map<String, float[]> withEwc = DpoTest.snapshot(model);
            plain.forEach((name, values) -> assertArrayEquals(values, withEwc.get(name), name));
        }
    }

    @Test
    void aLargeLambdaKeepsTheWeightsCloserToWhereTheyStarted() {
        TrainConfig config = TrainConfig.defaults(20).withLearningRate(1e-2f, 1e-3f).withEvaluation(0, 0);
        double[] moved = new double[2];
        float[] lambdas = {0f, 1e5f};
        for (int i = 0; i < 2; i++) {
            try (Gpt model = model(); Ewc ewc = Ewc.estimate(model, general(), lambdas[i], LanguageModelLoss.NEXT_TOKEN);
                 Ewc measure = Ewc.estimate(model, general(), 1f, LanguageModelLoss.NEXT_TOKEN);
                 Trainer trainer = Trainer.builder(model).config(config).train(task()).noValidation().objective(ewc).build()) {
                trainer.fit();
                moved[i] = measure.penaltyValue(model);
            }
        }
        assertTrue(moved[1] < moved[0], "the Fisher-weighted distance from θ₀ with λ = 1e5 (" + moved[1]
                + ") is below plain training's (" + moved[0] + ")");
    }

    @Test
    void badArgumentsAreRefusedWithTheirName() {
        try (Gpt model = model()) {
            var e = assertThrows(IllegalArgumentException.class,
                    () -> Ewc.estimate(model, general(), -1f, LanguageModelLoss.NEXT_TOKEN));
            assertTrue(e.getMessage().contains("lambda"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> Ewc.estimate(model, List.of(), 1f, LanguageModelLoss.NEXT_TOKEN));
        }
    }
}
