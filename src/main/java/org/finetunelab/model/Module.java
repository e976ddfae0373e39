package org.finetunelab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * A building block of a network that owns named parameters and named child blocks, like PyTorch's
 * {@code nn.Module}. Names compose with dots, so the full name of a parameter says where it lives
 * ({@code h.3.mlp.c_fc.weight}); the same names are used in weight files.
 */
public abstract class Module {
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();

    /** Registers a parameter owned by this block. */
    protected final Parameter parameter(String name, NDArray initial) {
        Parameter p = new Parameter(name, initial);
        parameters.put(name, p);
        return p;
    }

    /** Registers a child block whose parameters become part of this block's. */
    protected final <M extends Module> M child(String name, M module) {
        children.put(name, module);
        return module;
    }

    /** Replaces a registered child (used by fine-tuning methods that wrap a layer). */
    protected final void replaceChild(String name, Module module) {
        if (!children.containsKey(name)) {
            throw new IllegalArgumentException("no child block named '" + name + "' in " + getClass().getSimpleName());
        }
        children.put(name, module);
    }

    public final Map<String, Module> children() {
        return Collections.unmodifiableMap(children);
    }

    /** Every parameter of this block and its children, by full dotted name, in a stable order. */
    public final Map<String, Parameter> namedParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        collect("", out);
        return out;
    }

    private void collect(String prefix, Map<String, Parameter> out) {
        parameters.forEach((name, p) -> out.put(prefix + name, p));
        children.forEach((name, c) -> c.collect(prefix + name + ".", out));
    }

    /** The parameters that training updates, by full dotted name. */
    public final Map<String, Parameter> trainableParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        namedParameters().forEach((name, p) -> {
            if (p.trainable()) {
                out.put(name, p);
            }
        });
        return out;
    }

    public final long parameterCount() {
        return namedParameters().values().stream().mapToLong(Parameter::size).sum();
    }

    public final long trainableParameterCount() {
        return trainableParameters().values().stream().mapToLong(Parameter::size).sum();
    }

    /** Freezes or unfreezes every parameter of this block and its children. */
    public final void setTrainable(boolean trainable) {
        namedParameters().values().forEach(p -> p.setTrainable(trainable));
    }

    /** Initial values come from a seeded Java generator, so the same seed gives the same model everywhere. */
    protected static NDArray normal(NDManager manager, Random rng, float std, long... shape) {
        int n = Math.toIntExact(new Shape(shape).size());
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (rng.nextGaussian() * std);
        }
        return manager.create(values, new Shape(shape));
    }
}
