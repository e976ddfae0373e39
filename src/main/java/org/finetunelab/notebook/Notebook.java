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
     * and {@code data/}; failing that, the folder named by {@code FINETUNE_LAB_ROOT} (set by {@code ./lab hub}
     * for students whose own copy of the notebooks lives in their home, away from the shared data). There, a
     * path whose folder the student's copy ({@code FINETUNE_LAB_COPY}) holds too, such as
     * {@code data/my-personas/robot.jsonl}, is theirs: the shared project is read-only for them.
     */
    public static java.nio.file.Path file(String relative) {
        return file(relative, java.nio.file.Path.of("").toAbsolutePath(), System.getenv(ROOT_ENV), System.getenv(COPY_ENV));
    }

    /** The environment variable that names the project folder when the notebook runs outside it. */
    static final String ROOT_ENV = "FINETUNE_LAB_ROOT";
    /** The environment variable that names a student's own copy of the course on the class hub. */
    static final String COPY_ENV = "FINETUNE_LAB_COPY";

    static java.nio.file.Path file(String relative, java.nio.file.Path start, String rootFromEnv, String copyFromEnv) {
        java.nio.file.Path project = projectFolder(start, rootFromEnv);
        java.nio.file.Path copy = copyFromEnv == null || copyFromEnv.isBlank() ? null : java.nio.file.Path.of(copyFromEnv).toAbsolutePath();
        if (copy != null && start.startsWith(copy)) {
            java.nio.file.Path own = copy.resolve(relative);
            java.nio.file.Path folder = own.getParent();
            if (java.nio.file.Files.exists(own) || (folder != null && !folder.equals(copy) && java.nio.file.Files.isDirectory(folder))) {
                return own;
            }
        }
        return project.resolve(relative);
    }

    static java.nio.file.Path projectFolder(java.nio.file.Path start, String rootFromEnv) {
        for (java.nio.file.Path d = start; d != null; d = d.getParent()) {
            if (isProjectFolder(d)) {
                return d;
            }
        }
        if (rootFromEnv != null && !rootFromEnv.isBlank()) {
            java.nio.file.Path root = java.nio.file.Path.of(rootFromEnv).toAbsolutePath();
            if (isProjectFolder(root)) {
                return root;
            }
            throw new IllegalStateException(ROOT_ENV + "=" + rootFromEnv + " is not the FineTune Lab folder (it has no pom.xml and data/): "
                    + "point it at the project folder, or start Jupyter with ./lab from there.");
        }
        throw new IllegalStateException("cannot find the FineTune Lab folder (with pom.xml and data/) above " + start
                + ": start Jupyter with ./lab from the project folder.");
    }

    private static boolean isProjectFolder(java.nio.file.Path d) {
        return java.nio.file.Files.isRegularFile(d.resolve("pom.xml")) && java.nio.file.Files.isDirectory(d.resolve("data"));
    }

    /** True when the lessons should run small (set by ./lab test): fewer steps, less data. */
    public static boolean quick() {
        return "1".equals(System.getenv("FINETUNE_QUICK"));
    }
}
