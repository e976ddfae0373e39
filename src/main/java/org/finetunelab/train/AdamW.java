package org.finetunelab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import org.finetunelab.model.Parameter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam with decoupled weight decay (Loshchilov &amp; Hutter). For each trainable parameter it keeps a running
 * mean of gradients (m) and of squared gradients (v); the update is m̂ / (√v̂ + ε), so every weight moves
 * by roughly the learning rate whatever the scale of its gradient. Weight decay shrinks matrices (not
 * biases or LayerNorm gains) directly, independent of the gradient.
 *
 * <p>The optimizer works outside autograd, so plain Java numbers are safe here.
 */
public final class AdamW implements AutoCloseable {
    private final NDManager manager;
    private final float beta1;
    private final float beta2;
    private final float eps;
    private final float weightDecay;
    private final Map<String, NDArray> m = new LinkedHashMap<>();
    private final Map<String, NDArray> v = new LinkedHashMap<>();
    private long steps;

    public AdamW(NDManager parent, float beta1, float beta2, float eps, float weightDecay) {
        this.manager = parent.newSubManager();
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
    }

    /**
     * Applies one update with learning rate {@code lr} to every parameter from its gradient:
     * m ← β1·m + (1−β1)·g, v ← β2·v + (1−β2)·g², w ← w − lr·λ·w − lr·m̂ / (√v̂ + ε), with m̂ = m / (1−β1ᵗ) and
     * v̂ = v / (1−β2ᵗ) correcting the moments' start at zero. The corrections are folded into the step size
     * and ε (the same numbers, fewer operations), and each parameter's update is one fused engine operation
     * that reads and writes every number once instead of once per formula term: the optimizer step is
     * limited by memory speed, not arithmetic. The gradients are used up: they are zero afterwards.
     *
     * <p>All or nothing: each parameter's weights, moments and gradient are copied before it is updated, and if anything
     * stops the update part-way (an exception, or a {@link ThreadDeath}, which is how some notebook kernels
     * stop a cell) the copies are put back, so nobody ever sees half of an update.
     */
    public void step(Map<String, Parameter> parameters, float lr) {
        long next = steps + 1;
        double correction1 = 1 - Math.pow(beta1, next);
        double correction2 = 1 - Math.pow(beta2, next);
        // lr·m̂/(√v̂ + ε) = (lr·√c2/c1)·m/(√v + ε·√c2)
        float stepSize = (float) (lr * Math.sqrt(correction2) / correction1);
        float epsilon = (float) (eps * Math.sqrt(correction2));
        // The moments live as long as the optimizer, so they are made outside the scope below.
        parameters.forEach((name, p) -> {
            state(m, name, p);
            state(v, name, p);
        });
        // Every copy made inside the scope is freed when it closes, whatever ends the update.
        try (NDScope scope = new NDScope()) {
            List<NDArray[]> before = new ArrayList<>();   // {copy, the array it was copied from}
            try {
                for (Map.Entry<String, Parameter> entry : parameters.entrySet()) {
                    Parameter p = entry.getValue();
                    NDArray w = p.array();
                    NDArray mean = m.get(entry.getKey());
                    NDArray square = v.get(entry.getKey());
                    NDArray gradient = w.getGradient();
                    for (NDArray a : new NDArray[] {w, mean, square, gradient}) {
                        before.add(new NDArray[] {a.duplicate(), a});
                    }
                    // In place: mean, square and w; the gradient is used up (set to zero). Arguments: step size,
                    // the decay's lr·λ (as lr and λ), no gradient rescaling or clipping (the trainer clips by the
                    // global norm), β1, β2, ε, AdamW.
                    w.getNDArrayInternal().adamUpdate(new NDList(w, gradient, mean, square), new NDList(w),
                            lr, stepSize, decays(p) ? weightDecay : 0f, 1f, -1f, beta1, beta2, epsilon, true, true);
                }
                steps = next;   // the update is complete from here on
            } catch (Throwable stopped) {
                if (steps != next) {
                    restore(before);
                }
                throw stopped;
            }
            scope.suppressNotUsedWarning();
        }
    }

    /**
     * Copies the saved values back. Copying is idempotent, so a copy cut short by a ThreadDeath is simply
     * repeated; the ThreadDeath is rethrown once everything is back.
     */
    private static void restore(List<NDArray[]> before) {
        ThreadDeath heldBack = null;
        int done = 0;
        while (done < before.size()) {
            try {
                while (done < before.size()) {
                    Parameter.copyInEngine(before.get(done)[0], before.get(done)[1]);
                    done++;
                }
            } catch (ThreadDeath death) {
                heldBack = death;
            }
        }
        if (heldBack != null) {
            throw heldBack;
        }
    }

    /** Matrices decay; vectors (biases, LayerNorm scales) do not. */
    private static boolean decays(Parameter p) {
        return p.array().getShape().dimension() >= 2;
    }

    private NDArray state(Map<String, NDArray> table, String name, Parameter p) {
        return table.computeIfAbsent(name, n -> manager.zeros(p.array().getShape(), p.array().getDataType()));
    }

    public long steps() {
        return steps;
    }

    /** Moment estimates by parameter name ({@code m.NAME}, {@code v.NAME}) for checkpoints. */
    public Map<String, NDArray> state() {
        Map<String, NDArray> out = new LinkedHashMap<>();
        m.forEach((k, a) -> out.put("m." + k, a));
        v.forEach((k, a) -> out.put("v." + k, a));
        return out;
    }

    /** Bytes held by the optimizer state: two floats per trainable weight. */
    public long stateBytes() {
        long bytes = 0;
        for (NDArray a : m.values()) {
            bytes += a.getShape().size() * a.getDataType().getNumOfBytes();
        }
        return 2 * bytes;
    }

    /** Restores moments saved by {@link #state()} and the step count. */
    public void load(Map<String, NDArray> saved, long stepCount, Map<String, Parameter> parameters) {
        parameters.forEach((name, p) -> {
            NDArray sm = saved.get("m." + name);
            NDArray sv = saved.get("v." + name);
            if (sm == null || sv == null) {
                throw new IllegalArgumentException("optimizer state lacks tensor 'm." + name + "' or 'v." + name
                        + "': the checkpoint was saved for a different set of trainable parameters.");
            }
            Parameter.copyInEngine(sm, state(m, name, p));
            Parameter.copyInEngine(sv, state(v, name, p));
        });
        this.steps = stepCount;
    }

    @Override
    public void close() {
        manager.close();
    }
}
