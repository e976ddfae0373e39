package org.finetunelab.peft;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.finetunelab.model.Forward;

import java.util.Random;

/** Initial values from a seeded Java generator (the same seed gives the same method everywhere), and small tensor helpers. */
final class Init {
    private Init() {
    }

    static NDArray uniform(NDManager manager, Random rng, float bound, long... shape) {
        float[] values = new float[Math.toIntExact(new Shape(shape).size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((rng.nextDouble() * 2 - 1) * bound);
        }
        return manager.create(values, new Shape(shape));
    }

    static NDArray normal(NDManager manager, Random rng, float std, long... shape) {
        float[] values = new float[Math.toIntExact(new Shape(shape).size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (rng.nextGaussian() * std);
        }
        return manager.create(values, new Shape(shape));
    }

    /**
     * A parameter's values as an activation of this pass (broadcast to {@code shape}): the result lives in the
     * pass's scope, so the ops that follow do too, and gradients still flow back to the parameter.
     */
    static NDArray inPass(Forward f, NDArray parameter, long... shape) {
        return f.manager().zeros(new Shape(shape)).add(parameter);
    }

    /** Dropout while training, nothing otherwise. */
    static NDArray dropout(Forward f, NDArray x, float p) {
        if (!f.training() || p == 0) {
            return x;
        }
        return x.getNDArrayInternal().dropout(x, p, true).singletonOrThrow();
    }
}
