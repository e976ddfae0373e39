package org.finetunelab.notebook;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableHtmlTest {
    private static Table losses(int rows) {
        int[] steps = new int[rows];
        double[] loss = new double[rows];
        String[] notes = new String[rows];
        for (int i = 0; i < rows; i++) {
            steps[i] = i * 10;
            loss[i] = 3.0 / (i + 1.0);
            notes[i] = "<eos>";
        }
        return Table.create("history").addColumns(IntColumn.create("step", steps),
                DoubleColumn.create("loss", loss), StringColumn.create("note", notes));
    }

    @Test
    void showsCaptionHeadersAndCells() {
        String html = Notebook.html(losses(3)).content();
        assertTrue(html.contains("<b>history</b> · 3 rows × 3 columns"), html);
        assertTrue(html.contains("<th>step</th><th>loss</th><th>note</th>"), html);
        assertTrue(html.contains(">20</td>"), html);
        assertTrue(html.contains(">&lt;eos&gt;</td>"), "cell text must be escaped: " + html);
        assertFalse(html.contains("more row"), html);
    }

    @Test
    void longTablesAreCutWithANote() {
        String html = Notebook.html(losses(30), 5).content();
        assertEquals(6, html.split("<tr>").length - 1, "one header row and five data rows");
        assertTrue(html.contains("… 25 more rows not shown"), html);
    }

    @Test
    void decimalsShowFiveSignificantDigits() {
        assertEquals("0.69519", TableHtml.formatDecimal(0.695187509059906));
        assertEquals("3", TableHtml.formatDecimal(3.0));
        assertEquals("12346", TableHtml.formatDecimal(12345.6789));
        assertEquals("1.2346e-07", TableHtml.formatDecimal(1.23456e-7));
        String html = Notebook.html(losses(3)).content();
        assertTrue(html.contains(">1.5</td>") && html.contains(">1</td>"), html);
    }

    @Test
    void missingValuesAreBlank() {
        Table table = Table.create("t").addColumns(DoubleColumn.create("x", new double[] {Double.NaN}));
        assertTrue(Notebook.html(table).content().contains("<td style=\"text-align:right\"></td>"));
    }

    @Test
    void maxRowsMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Notebook.html(losses(2), 0));
        assertTrue(e.getMessage().contains("maxRows"));
    }
}
