package org.finetunelab.notebook;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

import java.awt.image.BufferedImage;

/**
 * The bridge between the library and a notebook. A cell can end with {@code Notebook.chart(c)} (an image)
 * or {@code Notebook.html(t)} (an HTML table), or call {@code show(...)} anywhere in the cell. Live views
 * and progress bars redraw in place while a cell runs.
 *
 * <p>Inside the Jupyter Java kernel the output goes to the kernel; anywhere else it is printed as text, so
 * the same code works in tests and on the command line.
 */
public final class Notebook {
    private Notebook() {
    }

    /** The display this process uses: the kernel's when one is present, else the console. */
    public static Display display() {
        return DisplayHolder.DISPLAY;
    }

    /** A chart drawn as an image; the kernel shows it as a PNG. */
    public static BufferedImage chart(Chart<?, ?> chart) {
        return BitmapEncoder.getBufferedImage(chart);
    }

    /** A table as HTML, at most 20 rows. */
    public static Html html(Table table) {
        return TableHtml.render(table, KernelOutput.DEFAULT_TABLE_ROWS);
    }

    /** A table as HTML, at most {@code maxRows} rows; a note says how many more there are. */
    public static Html html(Table table, int maxRows) {
        return TableHtml.render(table, maxRows);
    }

    /** Shows a chart, table, image, HTML or text below the cell. Returns nothing, so no id is printed. */
    public static void show(Object value) {
        display().show(value);
    }

    /** Shows a value in an output area that {@link LiveView#update} can replace later. */
    public static LiveView live(Object first) {
        return new LiveView(display(), first);
    }

    /** A progress bar of {@code total} steps, labelled e.g. "training". */
    public static ProgressView progress(String label, int total) {
        return new ProgressView(display(), label, total, System::nanoTime);
    }

    /** Looked up once, on first use: the kernel is either there for the life of the process or not. */
    private static final class DisplayHolder {
        static final Display DISPLAY = KernelDisplay.find().orElseGet(() -> new ConsoleDisplay(System.out));
    }
}
