package org.finetunelab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

/**
 * One learnable tensor of a model. Its local name ({@code weight}) combines with the names of the blocks
 * that hold it into a full dotted name ({@code h.0.attn.c_attn.weight}), see {@link Module#namedParameters()}.
 * Whether it is trainable decides whether autograd computes a gradient for it: frozen parameters cost
 * no gradient memory and no optimizer state.
 */
public final class Parameter {
    private final String name;
    private NDArray array;
    private boolean trainable = true;

    Parameter(String name, NDArray array) {
        this.name = name;
        this.array = array;
    }

    public String name() {
        return name;
    }

    public NDArray array() {
        return array;
    }

    public boolean trainable() {
        return trainable;
    }

    public long size() {
        return array.getShape().size();
    }

    /** Marks the parameter trainable or frozen; autograd follows the flag. */
    public void setTrainable(boolean trainable) {
        this.trainable = trainable;
        array.setRequiresGradient(trainable);
    }

    /**
     * Replaces the values in place (loading weights, restoring the best weights). The shape must match.
     */
    public void copyFrom(NDArray values) {
        if (!values.getShape().equals(array.getShape())) {
            throw new IllegalArgumentException("tensor '" + name + "' has shape " + values.getShape()
                    + " but the model expects " + array.getShape() + ": the weights were made for a different config.");
        }
        NDArray converted = values.getDataType() == array.getDataType() ? values : values.toType(array.getDataType(), false);
        try {
            copyInEngine(converted, array);
        } finally {
            if (converted != values) {
                converted.close();
            }
        }
    }

    /**
     * Copies {@code from} into {@code to}'s own memory, inside the engine. Not {@code copyTo} or
     * {@code set(Buffer)}: those hand the engine a Java buffer that the target tensor then points into, and once
     * the Java wrapper holding that buffer is collected the tensor reads and writes freed memory. Autograd is off
     * for the copy: an in-place write into a weight that needs gradients is refused while it records (it does on
     * every thread but the engine's first, so in a notebook cell).
     */
    public static void copyInEngine(NDArray from, NDArray to) {
        try (InferenceScope noGrad = InferenceScope.enter(to.getDevice())) {
            to.set(EVERYTHING, from);
        }
    }

    private static final NDIndex EVERYTHING = new NDIndex("...");
}
