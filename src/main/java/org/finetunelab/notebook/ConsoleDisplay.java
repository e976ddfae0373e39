package org.finetunelab.notebook;

import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

import java.awt.image.RenderedImage;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shows values as text, for code that runs outside a notebook (tests, the command line). Updates are
 * printed as new lines, since a console cannot replace earlier output.
 */
final class ConsoleDisplay implements Display {
    private final PrintStream out;
    private final AtomicInteger nextId = new AtomicInteger(1);

    ConsoleDisplay(PrintStream out) {
        this.out = out;
    }

    @Override
    public String show(Object value) {
        out.println(asText(value));
        return "console-" + nextId.getAndIncrement();
    }

    @Override
    public void update(String id, Object value) {
        out.println(asText(value));
    }

    static String asText(Object value) {
        if (value instanceof Table table) {
            return table.print(KernelOutput.DEFAULT_TABLE_ROWS);
        }
        if (value instanceof Chart<?, ?> chart) {
            return "[chart: " + chart.getTitle() + ", " + chart.getWidth() + "×" + chart.getHeight() + " px]";
        }
        if (value instanceof RenderedImage image) {
            return "[image: " + image.getWidth() + "×" + image.getHeight() + " px]";
        }
        if (value instanceof Html html) {
            String text = html.content().replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
            return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                    .replace("&#39;", "'").replace("&amp;", "&");
        }
        return String.valueOf(value);
    }
}
