package org.finetunelab.experiments.bench;

import ai.djl.Device;
import org.finetunelab.model.Gpt;
import org.finetunelab.peft.FineTuning;
import org.finetunelab.peft.LoraConfig;
import org.finetunelab.train.StepRecord;
import org.finetunelab.train.TokenWindows;
import org.finetunelab.train.TrainConfig;
import org.finetunelab.train.Trainer;
import org.finetunelab.train.TrainingListener;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Training speed of one model shape with one method, through the project's own {@link Trainer}: each run
 * makes a fresh trainer, runs the warm-up steps, then the timed steps, and the run's figure is the mean
 * time of its timed steps. A step is everything the trainer does for it: batch, forward, loss,
 * backward, gradient clipping, AdamW, clearing the gradients.
 */
public final class TrainingThroughput {
    /** What is trained: every weight, or LoRA on the attention's q, k, v with the rest frozen. */
    public enum Method { FULL, LORA }

    /**
     * @param flopsPerToken        training FLOPs per token ({@link ModelFlops})
     * @param msPerStep            milliseconds per step over the runs
     * @param tokensPerSecond      tokens per second over the runs
     * @param optimizerStateBytes  AdamW's moments (two floats per trainable weight)
     */
    public record Result(BenchPreset preset, Method method, long parameters, long trainableParameters,
                         long flopsPerToken, Stats msPerStep, Stats tokensPerSecond, long optimizerStateBytes) {
        /** Achieved GFLOP/s, by the model FLOPs per token. */
        public Stats gflops() {
            return tokensPerSecond.times(flopsPerToken / 1e9);
        }
    }

    private TrainingThroughput() {
    }

    public static Result measure(BenchPreset preset, Method method, BenchConfig config, Device device) {
        try (Gpt model = model(preset, method, config.loraRank(), device)) {
            double[] ms = new double[config.repeats()];
            long stateBytes = 0;
            for (int r = 0; r < config.repeats(); r++) {
                List<StepRecord> steps = new ArrayList<>();
                try (Trainer trainer = trainer(model, preset, config.stepsPerRun(), 7 + r)) {
                    trainer.addListener(new TrainingListener() {
                        @Override
                        public void onStep(StepRecord record) {
                            steps.add(record);
                        }
                    });
                    trainer.fit();
                    stateBytes = trainer.optimizer().stateBytes();
                }
                ms[r] = meanTimedMillis(steps, config.warmupSteps(), preset.tokensPerStep());
            }
            Stats msPerStep = Stats.of(ms);
            double tokensPerStep = preset.tokensPerStep();
            return new Result(preset, method, model.parameterCount(), model.trainableParameterCount(),
                    ModelFlops.trainingFlopsPerToken(model, method == Method.LORA), msPerStep,
                    msPerStep.inverted(m -> tokensPerStep / (m / 1000)), stateBytes);
        }
    }

    private static double meanTimedMillis(List<StepRecord> steps, int warmup, long tokensPerStep) {
        double sum = 0;
        int n = 0;
        for (StepRecord s : steps) {
            if (s.step() >= warmup) {
                sum += tokensPerStep / s.tokensPerSecond() * 1000;
                n++;
            }
        }
        return sum / n;
    }

    /** A fresh model of the preset's shape, prepared for the method. */
    static Gpt model(BenchPreset preset, Method method, int loraRank, Device device) {
        Gpt model = Gpt.create(preset.config(), 1234, device);
        if (method == Method.LORA) {
            FineTuning.lora(model, LoraConfig.attention(loraRank));
        } else {
            FineTuning.full(model);
        }
        return model;
    }

    /** A trainer for {@code steps} steps on random tokens, batches drawn with {@code seed}, no evaluation. */
    static Trainer trainer(Gpt model, BenchPreset preset, int steps, long seed) {
        int[] tokens = randomTokens(preset.config().vocabSize(), 200_000);
        TokenWindows windows = TokenWindows.builder(tokens).batchSize(preset.batchSize())
                .windowLength(preset.config().contextLength()).seed(seed).build();
        return Trainer.builder(model).config(TrainConfig.defaults(steps).withEvaluation(0, 0)).train(windows).noValidation()
                .build();
    }

    /** Uniformly random ids: speed does not depend on what the text says. */
    static int[] randomTokens(int vocab, int count) {
        SplittableRandom rng = new SplittableRandom(99);
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = rng.nextInt(vocab);
        }
        return out;
    }
}
