package org.finetunelab.notebook;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A progress bar that redraws itself in place: {@code step 120/300 · loss 2.31 · 0:42}. Redraws are
 * limited to a few per second, because every redraw travels to the browser.
 */
public final class ProgressView {
    static final long MIN_NANOS_BETWEEN_REDRAWS = Duration.ofMillis(250).toNanos();

    private final LiveView view;
    private final String label;
    private final int total;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private long lastRedrawNanos;
    private int step;
    private String message = "";

    ProgressView(Display display, String label, int total, LongSupplier nanoClock) {
        if (total < 1) {
            throw new IllegalArgumentException("Progress '" + label + "' needs a total of at least 1 step, got " + total);
        }
        this.label = label;
        this.total = total;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
        this.lastRedrawNanos = startNanos;
        this.view = new LiveView(display, render());
    }

    /**
     * Records that {@code step} steps are done; redraws when enough time has passed or the last step is
     * reached.
     *
     * @param message a short status such as {@code "loss 2.31"}; may be empty
     */
    public void update(int step, String message) {
        if (step < 0 || step > total) {
            throw new IllegalArgumentException("Progress '" + label + "': step " + step + " is outside 0.." + total);
        }
        this.step = step;
        this.message = message == null ? "" : message;
        long now = nanoClock.getAsLong();
        if (step == total || now - lastRedrawNanos >= MIN_NANOS_BETWEEN_REDRAWS) {
            lastRedrawNanos = now;
            view.update(render());
        }
    }

    /** Marks the work as finished and redraws at once. */
    public void finish(String message) {
        this.step = total;
        this.message = message == null ? "" : message;
        lastRedrawNanos = nanoClock.getAsLong();
        view.update(render());
    }

    /** The steps recorded so far. */
    public int step() {
        return step;
    }

    Html render() {
        long elapsedSeconds = Duration.ofNanos(nanoClock.getAsLong() - startNanos).toSeconds();
        int percent = (int) (100L * step / total);
        String status = label + ": " + step + "/" + total + " (" + percent + "%)"
                + (message.isEmpty() ? "" : " · " + message) + " · " + clock(elapsedSeconds);
        if (step > 0 && step < total) {
            // The steps so far at their average pace: a rough guess that settles as the work goes on.
            status += ", about " + clock(elapsedSeconds * (total - step) / step) + " left";
        }
        return new Html("<div style=\"font-family:monospace\"><progress value=\"" + step + "\" max=\"" + total
                + "\" style=\"width:20em;vertical-align:middle\"></progress> " + Html.escape(status) + "</div>");
    }

    private static String clock(long seconds) {
        return seconds / 60 + ":" + String.format("%02d", seconds % 60);
    }

    @Override
    public String toString() {
        return "";
    }
}
