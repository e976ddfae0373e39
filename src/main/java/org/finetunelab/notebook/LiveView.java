package org.finetunelab.notebook;

/**
 * One output area below a cell that can be replaced while the cell runs, e.g. a loss chart redrawn after
 * every evaluation.
 */
public final class LiveView {
    private final Display display;
    private final String id;

    LiveView(Display display, Object first) {
        this.display = display;
        this.id = display.show(first);
    }

    /** Replaces what this view shows (a chart, a table, HTML or text). */
    public void update(Object value) {
        display.update(id, value);
    }

    @Override
    public String toString() {
        // A cell that ends with a LiveView should not print an internal id under the output.
        return "";
    }
}
