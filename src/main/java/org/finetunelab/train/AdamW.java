package org.finetunelab.train;

import ai.djl.ndarray.NDArray;
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
     * Applies one update with learning rate {@code lr} to every parameter from its gradient.
     *
     * <p>All or nothing: the new weights and moments are computed first, into temporaries, and only then
     * copied into place. An exception while computing leaves the model and the optimizer as they were; a
     * {@link ThreadDeath} (how some notebook kernels stop a cell) arriving while copying is held back until
     * every copy is done, so nobody ever sees half of an update.
     */
    public void step(Map<String, Parameter> parameters, float lr) {
        long next = steps + 1;
        float correction1 = (float) (1 - Math.pow(beta1, next));
        float correction2 = (float) (1 - Math.pow(beta2, next));
        // The moments live as long as the optimizer, so they are made outside the scope below.
        parameters.forEach((name, p) -> {
            state(m, name, p);
            state(v, name, p);
        });
        // Every temporary made inside the scope is freed when it closes, whatever ends the update.
        try (NDScope scope = new NDScope()) {
            List<NDArray[]> copies = new ArrayList<>();   // {new values, where they go}
            for (Map.Entry<String, Parameter> entry : parameters.entrySet()) {
                Parameter p = entry.getValue();
                NDArray mean = m.get(entry.getKey());
                NDArray square = v.get(entry.getKey());
                NDArray w = p.array();
                NDArray g = w.getGradient();
                NDArray newMean = mean.mul(beta1).addi(g.mul(1 - beta1));
                NDArray newSquare = square.mul(beta2).addi(g.square().muli(1 - beta2));
                NDArray decayed = decays(p) ? w.mul(1 - lr * weightDecay) : w;
                NDArray denominator = newSquare.div(correction2).sqrt().addi(eps);
                NDArray newWeights = decayed.sub(newMean.div(correction1).divi(denominator).muli(lr));
                copies.add(new NDArray[] {newMean, mean});
                copies.add(new NDArray[] {newSquare, square});
                copies.add(new NDArray[] {newWeights, w});
            }
            commit(copies, next);
            scope.suppressNotUsedWarning();
        }
    }

    /**
     * Copies every new value into place and sets the step count. Copying is idempotent, so a copy cut short
     * by a ThreadDeath is simply repeated; the ThreadDeath is rethrown once everything is in place.
     */
    private void commit(List<NDArray[]> copies, long stepCount) {
        ThreadDeath heldBack = null;
        int done = 0;
        boolean finished = false;
        while (!finished) {
            try {
                while (done < copies.size()) {
                    copies.get(done)[0].copyTo(copies.get(done)[1]);
                    done++;
                }
                steps = stepCount;
                finished = true;
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
            state(m, name, p).set(sm.toByteBuffer());
            state(v, name, p).set(sv.toByteBuffer());
        });
        this.steps = stepCount;
    }

    @Override
    public void close() {
        manager.close();
    }
}
