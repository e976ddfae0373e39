package org.finetunelab.notebook;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KernelDisplayTest {
    private Display kernel;

    @BeforeEach
    void findTheFakeKernel() {
        FakeKernelGlobals.CALLS.clear();
        kernel = KernelDisplay.find(FakeKernelGlobals.class.getName(), getClass().getClassLoader()).orElseThrow();
    }

    @Test
    void outsideAKernelThereIsNone() {
        assertTrue(KernelDisplay.find().isEmpty(), "the kernel classes are not on the test classpath");
        assertTrue(KernelDisplay.find("no.such.Globals", getClass().getClassLoader()).isEmpty());
    }

    @Test
    void tablesGoToTheKernelAsHtml() {
        Table table = Table.create("t").addColumns(DoubleColumn.create("loss", new double[] {2.5}));
        String id = kernel.show(table);
        Object[] call = FakeKernelGlobals.CALLS.get(0);
        assertEquals("display-1", id);
        assertEquals("text/html", call[1]);
        assertTrue(((String) call[2]).contains("<th>loss</th>"));
    }

    @Test
    void chartsGoToTheKernelAsImagesAndUpdatesKeepTheId() {
        XYChart chart = new XYChartBuilder().width(200).height(100).build();
        chart.addSeries("loss", new double[] {1, 2}, new double[] {3, 2});
        String id = kernel.show(chart);
        kernel.update(id, "done");
        Object[] shown = FakeKernelGlobals.CALLS.get(0);
        assertNull(shown[1], "a null MIME type lets the kernel encode the image as PNG");
        BufferedImage image = assertInstanceOf(BufferedImage.class, shown[2]);
        assertEquals(200, image.getWidth());
        Object[] updated = FakeKernelGlobals.CALLS.get(1);
        assertEquals("update:" + id, updated[0]);
        assertEquals("text/plain", updated[1]);
    }
}
