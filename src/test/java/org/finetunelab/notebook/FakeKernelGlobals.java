package org.finetunelab.notebook;

import java.util.ArrayList;
import java.util.List;

/** Stands in for the kernel's Global class: same static method signatures, records the calls. */
public final class FakeKernelGlobals {
    static final List<Object[]> CALLS = new ArrayList<>();

    private FakeKernelGlobals() {
    }

    public static String display(String mime, Object value) {
        CALLS.add(new Object[] {"display", mime, value});
        return "display-" + CALLS.size();
    }

    public static void updateDisplay(String id, String mime, Object value) {
        CALLS.add(new Object[] {"update:" + id, mime, value});
    }
}
