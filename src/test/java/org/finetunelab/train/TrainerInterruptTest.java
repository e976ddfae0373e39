package org.finetunelab.train;

import ai.djl.Device;
import org.finetunelab.model.Gpt;
import org.finetunelab.model.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a notebook's stop button does to training: a thread interrupt, or (in some kernels) a ThreadDeath. */
class TrainerInterruptTest {
    private static final TrainConfig LONG_RUN = TrainConfig.defaults(10_000).withWarmup(5);

    private static TokenWindows data() {
        return TokenWindows.builder(TrainerTest.patternStream(3000)).batchSize(4).windowLength(16).seed(3).build();
    }

    private static Map<String, float[]> weights(Gpt model) {
        Map<String, float[]> out = new LinkedHashMap<>();
        model.namedParameters().forEach((name, p) -> out.put(name, p.array().toFloatArray()));
        return out;
    }

    @Test
    void anInterruptEndsTheRunAfterAWholeStepAndTheFinalCheckpointIsWritten(@TempDir Path dir) {
        Map<String, float[]> interrupted;
        long steps;
        try (Gpt model = Gpt.create(TrainerTest.config(0), 7, Device.cpu());
             Trainer trainer = Trainer.builder(model).config(LONG_RUN).train(data()).noValidation().build()) {
            trainer.checkpointTo(dir).addListener(new TrainingListener() {
                @Override
                public void onStep(StepRecord record) {
                    if (record.step() == 4) {
                        Thread.currentThread().interrupt();   // arrives while step 4 is being recorded
                    }
                }
            });
            TrainingResult result = trainer.fit();
            assertTrue(Thread.interrupted(), "fit() must hand the interrupt back to its caller");
            assertEquals("stopped", result.stopReason());
            steps = trainer.nextStep();
            assertEquals(5, steps);
            assertEquals(steps, trainer.history().size());
            assertEquals(steps, trainer.optimizer().steps());
            interrupted = weights(model);
        }
        // The weights are those of exactly five whole steps ...
        try (Gpt replay = Gpt.create(TrainerTest.config(0), 7, Device.cpu());
             Trainer again = Trainer.builder(replay).config(LONG_RUN).train(data()).noValidation().build()) {
            again.addListener(new TrainingListener() {
                @Override
                public void onStep(StepRecord record) {
                    if (record.step() + 1 == steps) {
                        again.requestStop();
                    }
                }
            });
            again.fit();
            Map<String, float[]> expected = weights(replay);
            expected.forEach((name, w) -> assertArrayEquals(w, interrupted.get(name), 0f, name));
        }
        // ... and the checkpoint written despite the interrupt holds them.
        try (Gpt restored = Gpt.create(TrainerTest.config(0), 99, Device.cpu());
             Trainer resumed = Trainer.builder(restored).config(LONG_RUN).train(data()).noValidation().build()) {
            resumed.checkpointTo(dir).requestStop();
            resumed.fit();
            assertEquals(steps, resumed.nextStep());
            Map<String, float[]> saved = weights(restored);
            saved.forEach((name, w) -> assertArrayEquals(w, interrupted.get(name), 0f, name));
        }
    }

    @Test
    void anOptimizerUpdateStoppedHalfWayChangesNothing() {
        try (Gpt model = Gpt.create(TrainerTest.config(0), 7, Device.cpu());
             Trainer trainer = Trainer.builder(model).config(TrainConfig.defaults(3).withWarmup(0)).train(data()).noValidation().build()) {
            trainer.fit();   // gives the optimizer moments and the parameters gradients to work with
            Map<String, Parameter> trainable = model.trainableParameters();
            trainable.values().forEach(p -> p.array().getGradient().addi(p.array().getGradient().onesLike()));
            Map<String, float[]> before = weights(model);
            Map<String, float[]> momentsBefore = new LinkedHashMap<>();
            trainer.optimizer().state().forEach((name, a) -> momentsBefore.put(name, a.toFloatArray()));
            long stepsBefore = trainer.optimizer().steps();

            // The stop arrives at every possible point of the optimizer's walks over the parameters, in turn.
            int stops = 0;
            for (int at = 0; ; at++) {
                Map<String, Parameter> stopping = stoppingAt(at, trainable);
                try {
                    trainer.optimizer().step(stopping, 0.1f);
                    break;   // this time the update ran to the end
                } catch (ThreadDeath expected) {
                    stops++;
                }
                System.gc();   // frees any Java buffer that the restored arrays might still point into
                weights(model).forEach((name, w) -> assertArrayEquals(before.get(name), w, 0f, name));
                trainer.optimizer().state().forEach((name, a) ->
                        assertArrayEquals(momentsBefore.get(name), a.toFloatArray(), 0f, name));
                assertEquals(stepsBefore, trainer.optimizer().steps());
            }
            assertTrue(stops > trainable.size(), "the update walked the parameters only " + stops + " times");
            assertEquals(stepsBefore + 1, trainer.optimizer().steps());
        }
    }

    /** A view of {@code map} whose iterators, together, throw ThreadDeath instead of giving entry {@code n}. */
    private static <V> Map<String, V> stoppingAt(int n, Map<String, V> map) {
        int[] given = {0};
        return new AbstractMap<>() {
            @Override
            public Set<Entry<String, V>> entrySet() {
                return new java.util.AbstractSet<>() {
                    @Override
                    public Iterator<Entry<String, V>> iterator() {
                        Iterator<Entry<String, V>> inner = map.entrySet().iterator();
                        return new Iterator<>() {
                            @Override
                            public boolean hasNext() {
                                return inner.hasNext();
                            }

                            @Override
                            public Entry<String, V> next() {
                                if (given[0]++ == n) {
                                    throw new ThreadDeath();
                                }
                                return inner.next();
                            }
                        };
                    }

                    @Override
                    public int size() {
                        return map.size();
                    }
                };
            }
        };
    }
}
