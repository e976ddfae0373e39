package org.finetunelab.peft;

import java.util.HashSet;
import java.util.Set;

/**
 * Which of the named adapters sharing one hook of the model are switched on. All are on until switched
 * off; the slots ({@link AdapterSlot}, {@link PrefixSlot}, {@link PromptSlot}) keep one each.
 */
final class EnabledNames {
    private final Set<String> disabled = new HashSet<>();

    void set(String name, boolean enabled) {
        if (enabled) {
            disabled.remove(name);
        } else {
            disabled.add(name);
        }
    }

    boolean isEnabled(String name) {
        return !disabled.contains(name);
    }
}
