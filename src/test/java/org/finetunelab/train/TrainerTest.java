package org.finetunelab.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.finetunelab.model.Forward;
import org.finetunelab.model.Gpt;
import org.finetunelab.model.GptConfig;
import org.finetunelab.model.Parameter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainerTest {
    static final int VOCAB = 23;

    /** A tiny "language": repeated arithmetic sequences, learnable in a few hundred steps. */
    static int[] patternStream(int n) {
        int[] t = new int[n];
        Random r = new Random(1);
        int i = 0;
        while (i < n) {
            int start = r.nextInt(VOCAB);
            int stride = 1 + r.nextInt(3);
            for (int k = 0; k < 12 && i < n; k++) {
                t[i++] = (start + k * stride) % VOCAB;
            }
        }
        return t;
    }

    static GptConfig config(float dropout) {
        return new GptConfig(VOCAB, 16, 32, 2, 2, 4, dropout, true, "gelu", 1e-5f);
    }

    /** A source that serves the same batch at every step. */
    static BatchSource repeating(Batch only) {
        return new BatchSource() {
            public Batch batch(long index) {
                return only;
            }

            public int batchSize() {
                return only.rows();
            }

            public int sequenceLength() {
                return only.length();
            }
        };
    }

    static List<Double> losses(TrainingResult r) {
        List<Double> out = new ArrayList<>();
        r.history().records().forEach(s -> out.add(s.trainLoss()));
        return out;
    }

    @Test
    void overfitsOneSmallBatchToNearZeroLoss() {
        TokenWindows data = TokenWindows.builder(patternStream(200)).batchSize(4).windowLength(16).seed(3).build();
        Batch only = data.batch(0);
        BatchSource same = repeating(only);
        TrainConfig cfg = TrainConfig.defaults(150).withLearningRate(3e-3f, 3e-3f).withWarmup(5).withWeightDecay(0);
        try (Gpt model = Gpt.create(config(0), 1, Device.cpu()); Trainer t = Trainer.builder(model).config(cfg).train(same).noValidation().build()) {
            TrainingResult r = t.fit();
            assertTrue(r.finalTrainLoss() < 0.05, "final loss " + r.finalTrainLoss());
            assertTrue(losses(r).get(0) > 2.5, "starts near ln(vocab)");
        }
    }

    @Test
    void sameSeedSameLossesDifferentSeedDifferentLosses() {
        List<Double> a = run(42, 42, 12);
        List<Double> b = run(42, 42, 12);
        List<Double> c = run(43, 43, 12);
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    private List<Double> run(long modelSeed, long dataSeed, int steps) {
        TokenWindows data = TokenWindows.builder(patternStream(2000)).batchSize(4).windowLength(16).seed(dataSeed).build();
        TrainConfig cfg = TrainConfig.defaults(steps).withSeed(modelSeed);
        try (Gpt model = Gpt.create(config(0.1f), modelSeed, Device.cpu()); Trainer t = Trainer.builder(model).config(cfg).train(data).noValidation().build()) {
            return losses(t.fit());
        }
    }

    @Test
    void resumedRunReproducesTheUninterruptedRun(@TempDir Path dir) {
        TokenWindows data = TokenWindows.builder(patternStream(2000)).batchSize(4).windowLength(16).seed(9).build();
        List<Batch> val = TokenWindows.builder(patternStream(500)).batchSize(4).windowLength(16).seed(10).build().sequential(2);
        TrainConfig cfg = TrainConfig.defaults(20).withEvaluation(5, 2).withCheckpointEvery(5);
        List<Double> full;
        float[] fullWeights;
        try (Gpt model = Gpt.create(config(0.1f), 5, Device.cpu()); Trainer t = Trainer.builder(model).config(cfg).train(data).validation(val).build()) {
            TrainingResult r = t.fit();
            full = losses(r);
            fullWeights = model.wte().table().array().toFloatArray();
        }
        Path ckpt = dir.resolve("run");
        try (Gpt model = Gpt.create(config(0.1f), 5, Device.cpu()); Trainer t = Trainer.builder(model).config(cfg).train(data).validation(val).build()) {
            t.checkpointTo(ckpt).addListener(new TrainingListener() {
                @Override
                public void onStep(StepRecord record) {
                    if (record.step() == 11) {
                        t.requestStop();   // interrupted after 12 steps; the last checkpoint is at step 10
                    }
                }
            });
            assertEquals("stopped", t.fit().stopReason());
        }
        // A fresh process would start from a freshly initialised model and the checkpoint folder.
        try (Gpt model = Gpt.create(config(0.1f), 999, Device.cpu()); Trainer t = Trainer.builder(model).config(cfg).train(data).validation(val).build()) {
            TrainingResult r = t.checkpointTo(ckpt).fit();
            assertEquals(full, losses(r));
            assertArrayEquals(fullWeights, model.wte().table().array().toFloatArray());
            assertEquals(20, r.stepsDone());
        }
    }

    @Test
    void resumingWithADifferentConfigIsRefused(@TempDir Path dir) {
        TokenWindows data = TokenWindows.builder(patternStream(2000)).batchSize(4).windowLength(16).seed(9).build();
        try (Gpt model = Gpt.create(config(0), 5, Device.cpu());
             Trainer t = Trainer.builder(model).config(TrainConfig.defaults(3)).train(data).noValidation().build()) {
            t.checkpointTo(dir).fit();
        }
        try (Gpt model = Gpt.create(config(0), 5, Device.cpu());
             Trainer t = Trainer.builder(model).config(TrainConfig.defaults(3).withLearningRate(1e-3f, 0)).train(data).noValidation().build()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.checkpointTo(dir).fit());
            assertTrue(e.getMessage().contains("different training config"), e.getMessage());
        }
    }

    @Test
    void accumulatedMicroBatchesGiveTheGradientOfTheWholeBatch() {
        TokenWindows big = TokenWindows.builder(patternStream(2000)).batchSize(8).windowLength(16).seed(4).build();
        Batch whole = big.batch(0);
        Batch first = slice(whole, 0, 4);
        Batch second = slice(whole, 4, 8);
        try (Gpt model = Gpt.create(config(0), 2, Device.cpu())) {
            Map<String, float[]> one = gradients(model, List.of(whole));
            Map<String, float[]> two = gradients(model, List.of(first, second));
            one.forEach((name, g) -> assertArrayEquals(g, two.get(name), 1e-5f, name));
        }
    }

    static Batch slice(Batch b, int from, int to) {
        int len = b.length();
        return new Batch(to - from, len, java.util.Arrays.copyOfRange(b.inputs(), from * len, to * len),
                java.util.Arrays.copyOfRange(b.targets(), from * len, to * len),
                java.util.Arrays.copyOfRange(b.weights(), from * len, to * len));
    }

    /** Gradients of the token-averaged loss over all batches, with an optional GC between forward and backward. */
    static Map<String, float[]> gradients(Gpt model, List<Batch> batches, boolean collectGarbage) {
        double total = batches.stream().mapToDouble(Batch::weightSum).sum();
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            for (Batch b : batches) {
                try (NDManager scope = model.newScope()) {
                    var loss = LanguageModelLoss.batchLoss(model, new Forward(scope, true), b, total);
                    if (collectGarbage) {
                        System.gc();
                        System.runFinalization();
                    }
                    gc.backward(loss);
                }
            }
        }
        Map<String, float[]> out = new java.util.LinkedHashMap<>();
        model.trainableParameters().forEach((name, p) -> {
            try (var g = p.array().getGradient()) {
                out.put(name, g.toFloatArray());
                g.subi(g);
            }
        });
        return out;
    }

    static Map<String, float[]> gradients(Gpt model, List<Batch> batches) {
        return gradients(model, batches, false);
    }

    @Test
    void gradientsAreIdenticalWithAndWithoutGarbageCollectionBeforeBackward() {
        Batch b = TokenWindows.builder(patternStream(2000)).batchSize(4).windowLength(16).seed(4).build().batch(0);
        try (Gpt model = Gpt.create(new GptConfig(VOCAB, 16, 32, 2, 2, 4, 0f, true, "gelu_new", 1e-5f), 2, Device.cpu())) {
            Map<String, float[]> plain = gradients(model, List.of(b), false);
            for (int i = 0; i < 3; i++) {
                Map<String, float[]> withGc = gradients(model, List.of(b), true);
                plain.forEach((name, g) -> assertArrayEquals(g, withGc.get(name), 0f, name));
            }
            plain.forEach((name, g) -> assertTrue(java.util.Arrays.stream(toDoubles(g)).anyMatch(x -> x != 0), name + " has no gradient"));
        }
    }

    static double[] toDoubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    @Test
    void divergenceStopsWithAClearMessageAndLeavesWeightsUntouched() {
        TokenWindows data = TokenWindows.builder(patternStream(2000)).batchSize(4).windowLength(16).seed(4).build();
        TrainConfig cfg = TrainConfig.defaults(50).withLearningRate(1e4f, 1e4f).withWarmup(0).withGradClip(0);
        try (Gpt model = Gpt.create(config(0), 2, Device.cpu()); Trainer t = Trainer.builder(model).config(cfg).train(data).noValidation().build()) {
            TrainingDivergedException e = assertThrows(TrainingDivergedException.class, t::fit);
            assertTrue(e.getMessage().contains("smaller learning rate"), e.getMessage());
            float[] w = model.wte().table().array().toFloatArray();
            for (float x : w) {
                assertTrue(Float.isFinite(x), "weights must stay finite");
            }
        }
    }

    @Test
    void earlyStoppingRestoresTheBestWeights() {
        // Training on one batch while validating on different data: validation loss eventually rises.
        TokenWindows data = TokenWindows.builder(patternStream(2000)).batchSize(2).windowLength(16).seed(4).build();
        Batch only = data.batch(0);
        BatchSource same = repeating(only);
        List<Batch> val = TokenWindows.builder(patternStream(3000)).batchSize(4).windowLength(16).seed(77).build().sequential(3);
        TrainConfig cfg = TrainConfig.defaults(400).withLearningRate(5e-3f, 5e-3f).withWarmup(0)
                .withEvaluation(10, 3).withEarlyStopping(3, true);
        try (Gpt model = Gpt.create(config(0), 2, Device.cpu()); Trainer t = Trainer.builder(model).config(cfg).train(same).validation(val).build()) {
            TrainingResult r = t.fit();
            assertEquals("early stopping", r.stopReason());
            assertEquals(r.bestValLoss(), LanguageModelLoss.evaluate(model, val), 1e-5);
        }
    }

    @Test
    void learningRateWarmsUpThenDecays() {
        LearningRateSchedule s = new LearningRateSchedule(1f, 0.1f, 10, 110);
        assertEquals(0.1f, s.at(0), 1e-6);
        assertEquals(1f, s.at(9), 1e-6);
        assertEquals(0.55f, s.at(60), 1e-6);
        assertEquals(0.1f, s.at(110), 1e-6);
    }
}
