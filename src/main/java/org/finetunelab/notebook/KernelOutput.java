package org.finetunelab.notebook;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

import java.awt.image.RenderedImage;

/**
 * A value made ready for the kernel: a MIME type (null lets the kernel choose, e.g. PNG for images) and the
 * payload. Tables become HTML and charts become images, so that every kernel shows them the same way.
 */
record KernelOutput(String mimeType, Object payload) {
    static final int DEFAULT_TABLE_ROWS = 20;

    static KernelOutput of(Object value) {
        if (value instanceof Table table) {
            return new KernelOutput("text/html", TableHtml.render(table, DEFAULT_TABLE_ROWS).content());
        }
        if (value instanceof Html html) {
            return new KernelOutput("text/html", html.content());
        }
        if (value instanceof Chart<?, ?> chart) {
            return new KernelOutput(null, BitmapEncoder.getBufferedImage(chart));
        }
        if (value instanceof RenderedImage) {
            return new KernelOutput(null, value);
        }
        if (value instanceof CharSequence text) {
            return new KernelOutput("text/plain", text.toString());
        }
        return new KernelOutput(null, value);
    }
}
