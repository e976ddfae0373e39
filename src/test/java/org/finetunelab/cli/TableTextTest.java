package org.finetunelab.cli;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableTextTest {
    @Test
    void sharesArePercentagesWithOneDecimalAndOtherFiguresFourDigits() {
        Table t = Table.create("results", StringColumn.create("topic", "geography"),
                DoubleColumn.create("accuracy", 0.9722222222222222), DoubleColumn.create("best val loss", 0.65432198));
        String text = TableText.of(t);
        assertTrue(text.contains("97.2%"), text);
        assertTrue(text.contains("0.6543"), text);
        assertFalse(text.contains("0.97222"), text);
        assertEquals(0.9722222222222222, t.doubleColumn("accuracy").get(0), "the table itself keeps full precision");
    }
}
