package org.finetunelab.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;
import org.finetunelab.model.Forward;
import org.finetunelab.model.Gpt;
import org.finetunelab.model.InferenceScope;
import org.finetunelab.model.Parameter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Elastic weight consolidation (Kirkpatrick et al., 2017): fine-tune on a new task while holding on to what the
 * model knew. Before training, measure how much each weight matters for general text: the diagonal of the Fisher
 * information, the squared gradient of the log-likelihood averaged over general-text batches, at the starting
 * weights θ₀. Then train with
 * <pre>
 *   loss = task loss + λ/2 · Σ F · (θ − θ₀)²
 * </pre>
 * A weight that general text depends on (large F) is pulled back towards θ₀; one it hardly uses moves freely.
 * λ sets how hard: 0 is plain fine-tuning.
 * <pre>{@code
 * FineTuning.full(model);
 * try (Ewc ewc = Ewc.estimate(model, generalBatches, 1000f, LanguageModelLoss.NEXT_TOKEN)) {
 *     Trainer.builder(model).config(config).train(domain).noValidation().objective(ewc).build().fit();
 * }
 * }</pre>
 * The penalty is a training term only: a validation pass ({@code f.training()} false) measures the task loss
 * alone, so the validation curve stays comparable with plain fine-tuning.
 */
public final class Ewc implements Objective, AutoCloseable {
    private final Objective task;
    private final float lambda;
    private final NDManager manager;
    private final Map<String, NDArray> fisher = new LinkedHashMap<>();
    private final Map<String, NDArray> anchor = new LinkedHashMap<>();

    private Ewc(Objective task, float lambda, NDManager manager) {
        this.task = task;
        this.lambda = lambda;
        this.manager = manager;
    }

    /**
     * Measures the Fisher diagonal of the model's trainable parameters on {@code general} (apply the fine-tuning
     * method first) and remembers their current values as θ₀. Batches of one window each give the usual
     * per-example estimate; bigger batches average gradients first and give a smaller, smoother F.
     */
    public static Ewc estimate(Gpt model, List<Batch> general, float lambda, Objective task) {
        if (!(lambda >= 0) || Float.isInfinite(lambda)) {
            throw new IllegalArgumentException("EWC: lambda = " + lambda + " must be a finite number >= 0");
        }
        if (general.isEmpty()) {
            throw new IllegalArgumentException("EWC: no general-text batches to measure the Fisher information on");
        }
        Map<String, Parameter> params = model.trainableParameters();
        if (params.isEmpty()) {
            throw new IllegalStateException("EWC: the model has no trainable parameters; apply a fine-tuning method first");
        }
        Ewc ewc = new Ewc(task, lambda, model.manager().newSubManager());
        params.forEach((name, p) -> {
            NDArray theta0 = p.array().duplicate();
            theta0.attach(ewc.manager);
            ewc.anchor.put(name, theta0);
            ewc.fisher.put(name, ewc.manager.zeros(p.array().getShape(), p.array().getDataType()));
        });
        NDArray count = ewc.manager.create((float) general.size());
        clearGradients(params);
        for (Batch b : general) {
            try (GradientCollector collector = Engine.getInstance().newGradientCollector();
                 NDManager scope = model.newScope()) {
                Forward f = new Forward(scope, false);
                collector.backward(LanguageModelLoss.NEXT_TOKEN.loss(model, f, b, f.scalar((float) b.weightSum())));
            }
            try (NDScope scope = new NDScope()) {
                params.forEach((name, p) -> ewc.fisher.get(name).addi(p.array().getGradient().square().div(count)));
                scope.suppressNotUsedWarning();
            }
            clearGradients(params);   // each batch's own gradient; and none left behind for training
        }
        return ewc;
    }

    private static void clearGradients(Map<String, Parameter> params) {
        try (NDScope scope = new NDScope()) {
            params.values().forEach(p -> p.array().getGradient().subi(p.array().getGradient()));
            scope.suppressNotUsedWarning();
        }
    }

    public float lambda() {
        return lambda;
    }

    /** The Fisher diagonal of each parameter, by name (read-only use: it belongs to this object). */
    public Map<String, NDArray> fisher() {
        return java.util.Collections.unmodifiableMap(fisher);
    }

    @Override
    public NDArray loss(Gpt model, Forward f, Batch batch, NDArray normalizer) {
        NDArray loss = task.loss(model, f, batch, normalizer);
        if (!f.training() || lambda == 0) {
            return loss;
        }
        // With gradient accumulation each micro-batch carries its share of the penalty, so that the step adds it once.
        NDArray share = f.scalar((float) batch.weightSum()).div(normalizer);
        return loss.add(penalty(model, f).mul(share));
    }

    /** λ/2 · Σ F · (θ − θ₀)² over the measured parameters, as a scalar tensor in the pass's scope. */
    public NDArray penalty(Gpt model, Forward f) {
        Map<String, Parameter> params = model.namedParameters();
        NDArray sum = f.scalar(0f);
        for (Map.Entry<String, NDArray> e : anchor.entrySet()) {
            NDArray theta = params.get(e.getKey()).array();
            NDArray moved = f.own(theta.sub(e.getValue()));      // θ − θ₀, made to live in this pass's scope
            sum = sum.add(moved.square().mul(fisher.get(e.getKey())).sum());
        }
        return sum.mul(f.scalar(lambda / 2));
    }

    /** The penalty at the model's current weights, as a number (for a chart or a check). */
    public double penaltyValue(Gpt model) {
        try (InferenceScope engine = InferenceScope.enter(model.device()); NDManager scope = model.newScope()) {
            return penalty(model, new Forward(scope, false)).getFloat();
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
