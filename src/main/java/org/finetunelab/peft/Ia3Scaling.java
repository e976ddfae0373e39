package org.finetunelab.peft;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.finetunelab.model.Forward;
import org.finetunelab.model.LinearExtension;
import org.finetunelab.model.Parameter;

/**
 * IA3's learned vectors on one layer, all starting at 1 (no change). On the attention's {@code c_attn} they
 * multiply the key and value thirds of the output (queries stay as they are); on the MLP's {@code c_proj}
 * they multiply the input, i.e. the MLP's inner activation after GELU.
 */
public final class Ia3Scaling extends LinearExtension {
    private final Parameter keys;     // null on the MLP
    private final Parameter values;   // null on the MLP
    private final Parameter inner;    // null on the attention
    private boolean enabled = true;

    private Ia3Scaling(NDManager manager, int width, boolean attention) {
        this.keys = attention ? parameter("keys", manager.ones(new Shape(width))) : null;
        this.values = attention ? parameter("values", manager.ones(new Shape(width))) : null;
        this.inner = attention ? null : parameter("inner", manager.ones(new Shape(width)));
    }

    /** For {@code c_attn}: scales keys and values, each {@code width} wide. */
    static Ia3Scaling keysAndValues(NDManager manager, int width) {
        return new Ia3Scaling(manager, width, true);
    }

    /** For the MLP's {@code c_proj}: scales its {@code width}-wide input. */
    static Ia3Scaling mlpInput(NDManager manager, int width) {
        return new Ia3Scaling(manager, width, false);
    }

    void setEnabled(boolean on) {
        enabled = on;
    }

    @Override
    public NDArray input(Forward f, NDArray x) {
        if (inner == null || !enabled) {
            return x;
        }
        return x.mul(inner.array());
    }

    @Override
    public NDArray apply(Forward f, NDArray x, NDArray y) {
        if (keys == null || !enabled) {
            return y;
        }
        // (1…1 | l_k | l_v): queries keep their values, keys and values are rescaled.
        NDArray queries = f.manager().ones(keys.array().getShape());
        NDArray scale = queries.concat(keys.array()).concat(values.array());
        return y.mul(scale);
    }
}
