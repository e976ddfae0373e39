package org.finetunelab.notebook;

/**
 * Where notebook output goes: the Jupyter kernel when the code runs in a notebook, the console otherwise.
 * An output can be shown once and then replaced in place, which is how live progress and charts work.
 */
public interface Display {
    /**
     * Shows a value below the running cell.
     *
     * @return an id that {@link #update} uses to replace this output
     */
    String show(Object value);

    /** Replaces the output shown under {@code id} with a new value. */
    void update(String id, Object value);
}
