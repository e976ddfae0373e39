package org.finetunelab.peft;

/**
 * Settings of IA3.
 *
 * @param keysAndValues scale the attention's keys and values
 * @param mlp           scale the MLP's inner activation
 */
public record Ia3Config(boolean keysAndValues, boolean mlp) {
    public Ia3Config {
        if (!keysAndValues && !mlp) {
            throw new IllegalArgumentException("IA3 config: fields 'keysAndValues' and 'mlp' are both false, so "
                    + "nothing would be learned; enable at least one.");
        }
    }

    /** Keys, values and the MLP, as in the paper. */
    public static Ia3Config standard() {
        return new Ia3Config(true, true);
    }
}
