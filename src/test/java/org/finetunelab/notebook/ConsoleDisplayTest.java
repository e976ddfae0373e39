package org.finetunelab.notebook;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsoleDisplayTest {
    @Test
    void printsTablesAsTextAndHtmlWithoutTags() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Display console = new ConsoleDisplay(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        console.show(Table.create("steps").addColumns(IntColumn.create("step", new int[] {10, 20})));
        String id = console.show(new Html("<b>loss</b> &lt; 2"));
        console.update(id, "done");
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("steps") && out.contains("20"), out);
        assertTrue(out.contains("loss < 2\n"), out);
        assertTrue(out.endsWith("done\n"), out);
        assertEquals("console-2", id);
    }
}
