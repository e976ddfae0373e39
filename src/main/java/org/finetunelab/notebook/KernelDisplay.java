package org.finetunelab.notebook;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Shows values through the Jupyter Java kernel's {@code display}/{@code updateDisplay} functions.
 * The kernel is found by reflection, so the library does not depend on it: outside a notebook the
 * class is simply absent and {@link #find()} returns nothing.
 */
final class KernelDisplay implements Display {
    /** The class that holds {@code display} and {@code updateDisplay} in the rapaio Java kernel. */
    static final String KERNEL_GLOBALS = "org.rapaio.jupyter.kernel.global.Global";

    private final Method display;
    private final Method updateDisplay;

    private KernelDisplay(Method display, Method updateDisplay) {
        this.display = display;
        this.updateDisplay = updateDisplay;
    }

    /** The kernel's display, when this code runs inside the kernel. */
    static Optional<Display> find() {
        return find(KERNEL_GLOBALS, KernelDisplay.class.getClassLoader());
    }

    static Optional<Display> find(String className, ClassLoader loader) {
        try {
            Class<?> globals = Class.forName(className, true, loader);
            Method display = globals.getMethod("display", String.class, Object.class);
            Method update = globals.getMethod("updateDisplay", String.class, String.class, Object.class);
            return Optional.of(new KernelDisplay(display, update));
        } catch (ReflectiveOperationException | LinkageError notInAKernel) {
            return Optional.empty();
        }
    }

    @Override
    public String show(Object value) {
        KernelOutput output = KernelOutput.of(value);
        return String.valueOf(call(display, output.mimeType(), output.payload()));
    }

    @Override
    public void update(String id, Object value) {
        KernelOutput output = KernelOutput.of(value);
        call(updateDisplay, id, output.mimeType(), output.payload());
    }

    private static Object call(Method method, Object... args) {
        try {
            return method.invoke(null, args);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("The kernel's " + method.getName() + " is not accessible: " + e.getMessage(), e);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("The kernel's " + method.getName() + " failed: " + cause, cause);
        }
    }
}
