package org.finetunelab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import org.finetunelab.model.Parameter;

import java.util.LinkedHashMap;
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

    /** Applies one update with learning rate {@code lr} to every parameter from its gradient. */
    public void step(Map<String, Parameter> parameters, float lr) {
        steps++;
        float correction1 = (float) (1 - Math.pow(beta1, steps));
        float correction2 = (float) (1 - Math.pow(beta2, steps));
        for (Map.Entry<String, Parameter> entry : parameters.entrySet()) {
            Parameter p = entry.getValue();
            NDArray mean = state(m, entry.getKey(), p);
            NDArray square = state(v, entry.getKey(), p);
            // Every temporary made inside the scope is freed when it closes.
            try (NDScope scope = new NDScope()) {
                NDArray w = p.array();
                NDArray g = w.getGradient();
                mean.muli(beta1).addi(g.mul(1 - beta1));
                square.muli(beta2).addi(g.square().muli(1 - beta2));
                if (decays(p)) {
                    w.muli(1 - lr * weightDecay);
                }
                NDArray denominator = square.div(correction2).sqrt().addi(eps);
                w.subi(mean.div(correction1).divi(denominator).muli(lr));
                scope.suppressNotUsedWarning();
            }
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
