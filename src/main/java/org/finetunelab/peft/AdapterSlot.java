package org.finetunelab.peft;

import ai.djl.ndarray.NDArray;
import org.finetunelab.model.Forward;
import org.finetunelab.model.ResidualAdapter;


/**
 * The place after a block's attention (or MLP) where bottleneck adapters sit. A block takes one such place,
 * so several named adapters share it; each can be switched on and off (see {@link AdapterSet}).
 */
final class AdapterSlot extends ResidualAdapter {
    private final EnabledNames enabled = new EnabledNames();

    void add(String name, BottleneckAdapter adapter) {
        child(name, adapter);
    }

    boolean has(String name) {
        return children().containsKey(name);
    }

    void setEnabled(String name, boolean on) {
        enabled.set(name, on);
    }

    @Override
    public NDArray forward(Forward f, NDArray x) {
        for (var entry : children().entrySet()) {
            if (enabled.isEnabled(entry.getKey())) {
                x = ((ResidualAdapter) entry.getValue()).forward(f, x);
            }
        }
        return x;
    }
}
