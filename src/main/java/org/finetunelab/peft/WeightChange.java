package org.finetunelab.peft;

import org.finetunelab.model.Gpt;
import org.finetunelab.model.Parameter;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How much fine-tuning moved each layer. Take a {@link #snapshot} of a model's weights before training, then
 * {@link #byLayer} compares the trained model with it: for every layer, the size of the change relative to the
 * size of the weights, ‖W_after − W_before‖ / ‖W_before‖ (Frobenius norms over all the layer's weights). A
 * relative figure, because layers differ in size: 0.01 means the layer moved by 1% of its own length.
 *
 * <pre>{@code
 * WeightChange before = WeightChange.snapshot(model);
 * ... train ...
 * Table change = before.byLayer(model);   // layer, relative change
 * }</pre>
 *
 * Only the weights present in the snapshot are compared, so weights a method added later (LoRA, adapters) are
 * left out: merge them first to see their effect on the base.
 */
public final class WeightChange {
    public static final String LAYER = "layer";
    public static final String RELATIVE_CHANGE = "relative change";

    private final Map<String, float[]> before;

    private WeightChange(Map<String, float[]> before) {
        this.before = before;
    }

    /** A copy of every weight of the model as it is now. */
    public static WeightChange snapshot(Gpt model) {
        Map<String, float[]> copy = new LinkedHashMap<>();
        model.namedParameters().forEach((name, p) -> copy.put(name, p.array().toFloatArray()));
        return new WeightChange(copy);
    }

    /**
     * The layer a weight belongs to, bottom to top: {@code embeddings} (token and position), {@code block N},
     * {@code final norm}; anything else (a task head) by the first part of its name.
     */
    public static String layerOf(String parameterName) {
        String[] parts = parameterName.split("\\.");
        if (parts[0].equals("h") && parts.length > 1) {
            return "block " + parts[1];
        }
        if (parts[0].equals("wte") || parts[0].equals("wpe")) {
            return "embeddings";
        }
        if (parts[0].equals("ln_f")) {
            return "final norm";
        }
        return parts[0];
    }

    /** One row per layer, in the model's order: the layer's relative change since the snapshot. */
    public Table byLayer(Gpt model) {
        Map<String, double[]> sums = new LinkedHashMap<>();   // layer -> {‖Δ‖², ‖W_before‖²}
        Map<String, Parameter> now = model.namedParameters();
        before.forEach((name, old) -> {
            Parameter p = now.get(name);
            if (p == null) {
                throw new IllegalArgumentException("weight change: the model has no weight '" + name
                        + "' that the snapshot holds; compare a model with the snapshot of itself");
            }
            float[] current = p.array().toFloatArray();
            if (current.length != old.length) {
                throw new IllegalArgumentException("weight change: weight '" + name + "' has " + current.length
                        + " numbers, the snapshot " + old.length);
            }
            double[] s = sums.computeIfAbsent(layerOf(name), k -> new double[2]);
            for (int i = 0; i < old.length; i++) {
                double d = current[i] - old[i];
                s[0] += d * d;
                s[1] += (double) old[i] * old[i];
            }
        });
        StringColumn layer = StringColumn.create(LAYER);
        DoubleColumn change = DoubleColumn.create(RELATIVE_CHANGE);
        sums.forEach((name, s) -> {
            layer.append(name);
            change.append(s[1] == 0 ? (s[0] == 0 ? 0 : Double.POSITIVE_INFINITY) : Math.sqrt(s[0] / s[1]));
        });
        return Table.create("weight change per layer", layer, change);
    }
}
