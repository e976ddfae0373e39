package org.finetunelab.train;

/**
 * How to train. Defaults ({@link #defaults(long)}) suit fine-tuning the lab's small models on a CPU.
 *
 * @param steps               optimizer updates to make
 * @param learningRate        peak learning rate
 * @param minLearningRate     learning rate at the end of the cosine decay
 * @param warmupSteps         steps of linear warm-up
 * @param weightDecay         AdamW's decoupled weight decay
 * @param beta1               AdamW's gradient averaging
 * @param beta2               AdamW's squared-gradient averaging
 * @param gradClip            largest allowed gradient norm (0 = no clipping)
 * @param accumulation        micro-batches whose gradients add up to one update
 * @param evalEvery           measure validation loss every this many steps (0 = never)
 * @param evalBatches         validation batches per measurement
 * @param patience            stop after this many evaluations without improvement (0 = never stop early)
 * @param restoreBest         at the end, put back the weights of the best validation loss
 * @param checkpointEvery     save a checkpoint every this many steps (0 = only at the end, when a folder is set)
 * @param seed                seeds dropout; data order is seeded by the batch source
 */
public record TrainConfig(long steps, float learningRate, float minLearningRate, long warmupSteps, float weightDecay,
                          float beta1, float beta2, float gradClip, int accumulation, long evalEvery, int evalBatches,
                          int patience, boolean restoreBest, long checkpointEvery, long seed) {

    public TrainConfig {
        if (steps <= 0) {
            throw new IllegalArgumentException("steps must be positive, got " + steps);
        }
        if (accumulation <= 0) {
            throw new IllegalArgumentException("accumulation must be at least 1, got " + accumulation);
        }
        if (gradClip < 0 || weightDecay < 0 || evalEvery < 0 || checkpointEvery < 0 || patience < 0) {
            throw new IllegalArgumentException("gradClip, weightDecay, evalEvery, checkpointEvery and patience cannot be negative");
        }
        new LearningRateSchedule(learningRate, minLearningRate, warmupSteps, steps);   // validates the rates
    }

    public static TrainConfig defaults(long steps) {
        return new TrainConfig(steps, 3e-4f, 3e-5f, Math.min(100, steps / 10), 0.01f, 0.9f, 0.95f, 1.0f, 1,
                Math.max(1, steps / 10), 8, 0, false, 0, 42);
    }

    public LearningRateSchedule schedule() {
        return new LearningRateSchedule(learningRate, minLearningRate, warmupSteps, steps);
    }

    public TrainConfig withSteps(long n) {
        return new TrainConfig(n, learningRate, minLearningRate, Math.min(warmupSteps, n), weightDecay, beta1, beta2,
                gradClip, accumulation, evalEvery, evalBatches, patience, restoreBest, checkpointEvery, seed);
    }

    public TrainConfig withLearningRate(float lr, float minLr) {
        return new TrainConfig(steps, lr, minLr, warmupSteps, weightDecay, beta1, beta2, gradClip, accumulation,
                evalEvery, evalBatches, patience, restoreBest, checkpointEvery, seed);
    }

    public TrainConfig withWarmup(long warmup) {
        return new TrainConfig(steps, learningRate, minLearningRate, warmup, weightDecay, beta1, beta2, gradClip,
                accumulation, evalEvery, evalBatches, patience, restoreBest, checkpointEvery, seed);
    }

    public TrainConfig withEvaluation(long every, int batches) {
        return new TrainConfig(steps, learningRate, minLearningRate, warmupSteps, weightDecay, beta1, beta2, gradClip,
                accumulation, every, batches, patience, restoreBest, checkpointEvery, seed);
    }

    public TrainConfig withEarlyStopping(int patienceEvals, boolean restore) {
        return new TrainConfig(steps, learningRate, minLearningRate, warmupSteps, weightDecay, beta1, beta2, gradClip,
                accumulation, evalEvery, evalBatches, patienceEvals, restore, checkpointEvery, seed);
    }

    public TrainConfig withAccumulation(int micro) {
        return new TrainConfig(steps, learningRate, minLearningRate, warmupSteps, weightDecay, beta1, beta2, gradClip,
                micro, evalEvery, evalBatches, patience, restoreBest, checkpointEvery, seed);
    }

    public TrainConfig withCheckpointEvery(long every) {
        return new TrainConfig(steps, learningRate, minLearningRate, warmupSteps, weightDecay, beta1, beta2, gradClip,
                accumulation, evalEvery, evalBatches, patience, restoreBest, every, seed);
    }

    public TrainConfig withGradClip(float clip) {
        return new TrainConfig(steps, learningRate, minLearningRate, warmupSteps, weightDecay, beta1, beta2, clip,
                accumulation, evalEvery, evalBatches, patience, restoreBest, checkpointEvery, seed);
    }

    public TrainConfig withWeightDecay(float wd) {
        return new TrainConfig(steps, learningRate, minLearningRate, warmupSteps, wd, beta1, beta2, gradClip,
                accumulation, evalEvery, evalBatches, patience, restoreBest, checkpointEvery, seed);
    }

    public TrainConfig withSeed(long s) {
        return new TrainConfig(steps, learningRate, minLearningRate, warmupSteps, weightDecay, beta1, beta2, gradClip,
                accumulation, evalEvery, evalBatches, patience, restoreBest, checkpointEvery, s);
    }
}
