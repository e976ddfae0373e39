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

    /** A training listener that shows a live progress bar and loss chart (redrawn every 10 steps). */
    public static TrainingMonitor monitor(String title) {
        return new TrainingMonitor(title, 10);
    }

    /** One progress line (with the time left) and one live chart for a whole study of many runs. */
    public static StudyMonitor studyMonitor(String title) {
        return new StudyMonitor(title);
    }

    /**
     * A path inside the project, wherever the notebook runs from: {@code Notebook.file("data/models/base")}.
     * The project folder is the nearest folder, from the current one upwards, that holds {@code pom.xml}
     * and {@code data/}.
     */
    public static java.nio.file.Path file(String relative) {
        java.nio.file.Path dir = java.nio.file.Path.of("").toAbsolutePath();
        for (java.nio.file.Path d = dir; d != null; d = d.getParent()) {
            if (java.nio.file.Files.isRegularFile(d.resolve("pom.xml")) && java.nio.file.Files.isDirectory(d.resolve("data"))) {
                return d.resolve(relative);
            }
        }
        throw new IllegalStateException("cannot find the FineTune Lab folder (with pom.xml and data/) above " + dir
                + ": start Jupyter with ./lab from the project folder.");
    }

    /** True when the lessons should run small (set by ./lab test): fewer steps, less data. */
    public static boolean quick() {
        return "1".equals(System.getenv("FINETUNE_QUICK"));
    }
}
