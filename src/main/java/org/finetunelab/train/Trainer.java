package org.finetunelab.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;
import org.finetunelab.model.Forward;
import org.finetunelab.model.Gpt;
import org.finetunelab.model.Parameter;

import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The training loop: for each step, compute the loss of a batch, let autograd find the gradients, clip
 * them, and let AdamW update the trainable parameters. Around it: learning-rate schedule, gradient
 * accumulation, periodic validation, early stopping, checkpoints and exact resume.
 *
 * <pre>{@code
 * Trainer trainer = Trainer.builder(model).config(TrainConfig.defaults(300)).data(textData).build();
 * Trainer trainer = Trainer.builder(model).config(config).train(windows).noValidation().build();
 * }</pre>
 *
 * <p>Only parameters marked trainable change; frozen ones (see the fine-tuning methods) stay bit-identical.
 *
 * <p>Stopping: {@link #requestStop()} or a thread interrupt (a notebook's stop button) ends the run after
 * the step in progress, so the weights, the optimizer, {@link #nextStep()} and the history always describe
 * whole steps, and the final checkpoint is still written. The thread's interrupt flag is set again when
 * {@link #fit()} returns, for the caller to see.
 */
public final class Trainer implements AutoCloseable {
    private final Gpt model;
    private final TrainConfig config;
    private final BatchSource train;
    private final List<Batch> validation;
    private final Objective objective;
    private final List<TrainingListener> listeners = new ArrayList<>();
    private final TrainingHistory history = new TrainingHistory();
    private final AdamW optimizer;
    private Path checkpointFolder;
    private long nextStep;
    private double bestValLoss = Double.NaN;
    private long bestStep = -1;
    private int evalsWithoutImprovement;
    private Map<String, NDArray> bestWeights;
    private NDManager bestWeightsManager;
    private volatile boolean stopRequested;

    private Trainer(Gpt model, TrainConfig config, BatchSource train, List<Batch> validation, Objective objective) {
        this.objective = objective;
        this.model = model;
        this.config = config;
        this.train = train;
        this.validation = List.copyOf(validation);
        this.optimizer = new AdamW(model.manager(), config.beta1(), config.beta2(), 1e-8f, config.weightDecay());
    }

    /** Starts a trainer for {@code model}; what it trains on, and how, is set by name on the builder. */
    public static Builder builder(Gpt model) {
        return new Builder(model);
    }

    /**
     * The inputs of a {@link Trainer}: the config, the training batches and, explicitly, the validation
     * batches or {@link #noValidation()}. The objective defaults to next-token prediction.
     */
    public static final class Builder {
        private final Gpt model;
        private TrainConfig config;
        private BatchSource train;
        private List<Batch> validation;
        private Objective objective = LanguageModelLoss.NEXT_TOKEN;

        private Builder(Gpt model) {
            this.model = model;
        }

        public Builder config(TrainConfig config) {
            this.config = config;
            return this;
        }

        /** Where the training batches come from. */
        public Builder train(BatchSource batches) {
            this.train = batches;
            return this;
        }

        /** Fixed batches whose loss is measured every {@code evalEvery} steps (early stopping watches it). */
        public Builder validation(List<Batch> batches) {
            if (batches.isEmpty()) {
                throw new IllegalArgumentException("the validation batches are empty; to train without validation "
                        + "say noValidation().");
            }
            this.validation = batches;
            return this;
        }

        /** Trains without measuring a validation loss. */
        public Builder noValidation() {
            this.validation = List.of();
            return this;
        }

        /** Training and validation batches from texts; no validation when the data holds no texts out. */
        public Builder data(TextData data) {
            this.train = data.train();
            this.validation = data.validation();
            return this;
        }

        /** What the loss is: next-token prediction (the default), classification, instruction tuning, ... */
        public Builder objective(Objective objective) {
            this.objective = objective;
            return this;
        }

        public Trainer build() {
            if (config == null || train == null) {
                throw new IllegalArgumentException("a trainer needs config(...) and training batches: train(...) or data(...).");
            }
            if (validation == null) {
                throw new IllegalArgumentException("say what the trainer validates on: validation(batches), data(textData) "
                        + "or noValidation().");
            }
            return new Trainer(model, config, train, validation, objective);
        }
    }

    public Trainer addListener(TrainingListener listener) {
        listeners.add(listener);
        return this;
    }

    /** Saves checkpoints into this folder (and resumes from it when it already holds one). */
    public Trainer checkpointTo(Path folder) {
        this.checkpointFolder = folder;
        return this;
    }

    /** Asks the loop to stop after the current step; the model stays in its last consistent state. */
    public void requestStop() {
        stopRequested = true;
    }

    public TrainingHistory history() {
        return history;
    }

    public AdamW optimizer() {
        return optimizer;
    }

    public Gpt model() {
        return model;
    }

    public TrainConfig config() {
        return config;
    }

    public long nextStep() {
        return nextStep;
    }

    /** Runs the remaining steps (all of them, or those after a resumed checkpoint). */
    public TrainingResult fit() {
        if (checkpointFolder != null && Checkpoint.exists(checkpointFolder)) {
            Checkpoint.restore(checkpointFolder, this);
        }
        if (model.trainableParameters().isEmpty()) {
            throw new IllegalStateException("the model has no trainable parameters: apply a fine-tuning method or "
                    + "unfreeze some layers before training.");
        }
        LearningRateSchedule schedule = config.schedule();
        long started = System.nanoTime();
        listeners.forEach(l -> l.onStart(nextStep, config.steps()));
        String reason = "completed";
        boolean interrupted = false;
        while (nextStep < config.steps()) {
            if (stopRequested || Thread.currentThread().isInterrupted()) {
                // Cleared until the end: an interrupted thread cannot write files (ClosedByInterruptException).
                interrupted = Thread.interrupted();
                reason = "stopped";
                break;
            }
            long step = nextStep;
            float lr = schedule.at(step);
            // Read every step: a listener may freeze or unfreeze layers as training goes (gradual unfreezing).
            Map<String, Parameter> trainable = model.trainableParameters();
            long t0 = System.nanoTime();
            // A step cut short earlier (an exception, a stopped cell) may have left gradients behind.
            zeroGradients(trainable);
            double loss = forwardBackward(step);
            if (!Double.isFinite(loss)) {
                zeroGradients(trainable);
                throw new TrainingDivergedException(step, loss, config.learningRate(), checkpointFolder);
            }
            double norm = clipGradients(trainable);
            long updatesBefore = optimizer.steps();
            try {
                optimizer.step(trainable, lr);   // all or nothing, see AdamW.step
            } finally {
                // Whatever stops the thread from here on, the step count matches the weights.
                if (optimizer.steps() > updatesBefore) {
                    nextStep = step + 1;
                }
            }
            // No clearing needed here: AdamW has used the gradients up (they are zero now).
            double seconds = (System.nanoTime() - t0) / 1e9;
            double tokens = (double) train.batchSize() * train.sequenceLength() * config.accumulation();

            double val = Double.NaN;
            boolean evalDue = config.evalEvery() > 0 && (nextStep % config.evalEvery() == 0 || nextStep == config.steps());
            if (evalDue && !validation.isEmpty()) {
                val = LanguageModelLoss.evaluate(model, validation, objective);
            }
            StepRecord record = new StepRecord(step, loss, val, lr, norm, tokens / seconds);
            history.add(record);
            listeners.forEach(l -> l.onStep(record));
            if (record.evaluated() && trackBest(val, step)) {
                reason = "early stopping";
                break;
            }
            boolean checkpointDue = config.checkpointEvery() > 0 && nextStep % config.checkpointEvery() == 0;
            if (checkpointFolder != null && checkpointDue) {
                saveCheckpoint();
            }
        }
        if (checkpointFolder != null && !"diverged".equals(reason)) {
            saveCheckpoint();
        }
        if (config.restoreBest() && bestWeights != null) {
            restoreBestWeights();
        }
        TrainingResult result = new TrainingResult(history, nextStep, bestValLoss, bestStep, reason,
                (System.nanoTime() - started) / 1e9);
        listeners.forEach(l -> l.onEnd(result));
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return result;
    }

    /** Loss of one (possibly accumulated) step, leaving its gradients in the parameters. */
    private double forwardBackward(long step) {
        int micro = config.accumulation();
        List<Batch> batches = new ArrayList<>(micro);
        double totalWeight = 0;
        for (int i = 0; i < micro; i++) {
            Batch b = train.batch(step * micro + i);
            batches.add(b);
            totalWeight += b.weightSum();
        }
        if (model.config().dropout() > 0) {
            // Dropout masks come from the engine's generator; seeding it per step makes resume exact.
            Engine.getInstance().setRandomSeed((int) (config.seed() * 1_000_003L + step));
        }
        double loss = 0;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            for (Batch b : batches) {
                // Each micro-batch's tensors live until its backward pass has finished, then are freed.
                try (NDManager scope = model.newScope()) {
                    Forward f = new Forward(scope, true);
                    NDArray l = objective.loss(model, f, b, f.scalar((float) totalWeight));
                    collector.backward(l);
                    loss += l.getFloat();
                }
            }
        }
        return loss;
    }

    /** Scales all gradients down together when their global norm exceeds the limit; returns the norm. */
    private double clipGradients(Map<String, Parameter> trainable) {
        double sumSquares = 0;
        try (NDScope scope = new NDScope()) {
            for (Parameter p : trainable.values()) {
                NDArray g = p.array().getGradient();
                sumSquares += g.square().sum().getFloat();
            }
            double norm = Math.sqrt(sumSquares);
            if (config.gradClip() > 0 && norm > config.gradClip()) {
                float factor = (float) (config.gradClip() / (norm + 1e-6));
                for (Parameter p : trainable.values()) {
                    p.array().getGradient().muli(factor);
                }
            }
            scope.suppressNotUsedWarning();
            return norm;
        }
    }

    private static void zeroGradients(Map<String, Parameter> trainable) {
        try (NDScope scope = new NDScope()) {
            for (Parameter p : trainable.values()) {
                NDArray g = p.array().getGradient();
                g.subi(g);
            }
            scope.suppressNotUsedWarning();
        }
    }

    /** Records a validation result; returns true when early stopping says to stop. */
    private boolean trackBest(double val, long step) {
        if (Double.isNaN(bestValLoss) || val < bestValLoss) {
            bestValLoss = val;
            bestStep = step;
            evalsWithoutImprovement = 0;
            if (config.restoreBest()) {
                snapshotBestWeights();
            }
            return false;
        }
        evalsWithoutImprovement++;
        return config.patience() > 0 && evalsWithoutImprovement >= config.patience();
    }

    private void snapshotBestWeights() {
        if (bestWeightsManager != null) {
            bestWeightsManager.close();
        }
        bestWeightsManager = model.manager().newSubManager();
        bestWeights = new LinkedHashMap<>();
        model.trainableParameters().forEach((name, p) -> {
            NDArray copy = p.array().duplicate();
            copy.attach(bestWeightsManager);
            bestWeights.put(name, copy);
        });
    }

    private void restoreBestWeights() {
        Map<String, Parameter> params = model.namedParameters();
        bestWeights.forEach((name, values) -> params.get(name).copyFrom(values));
    }

    private void saveCheckpoint() {
        // An interrupt arriving now would abort the writes half-way (the previous checkpoint stays intact,
        // but this one would be lost): hold it back until the checkpoint is complete; the loop then stops.
        boolean interrupted = Thread.interrupted();
        try {
            Checkpoint.save(checkpointFolder, this);
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof ClosedByInterruptException)) {
                throw e;
            }
            interrupted |= Thread.interrupted();
            Checkpoint.save(checkpointFolder, this);   // the interrupt came during the writes: write again
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        listeners.forEach(l -> l.onCheckpoint(nextStep, checkpointFolder));
    }

    // State shared with Checkpoint.
    double bestValLoss() {
        return bestValLoss;
    }

    long bestStep() {
        return bestStep;
    }

    int evalsWithoutImprovement() {
        return evalsWithoutImprovement;
    }

    void restoreProgress(long next, double bestVal, long bestAt, int sinceBest) {
        this.nextStep = next;
        this.bestValLoss = bestVal;
        this.bestStep = bestAt;
        this.evalsWithoutImprovement = sinceBest;
    }

    @Override
    public void close() {
        optimizer.close();
        if (bestWeightsManager != null) {
            bestWeightsManager.close();
        }
    }
}
