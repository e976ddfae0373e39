package org.finetunelab.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvDatasetTest {
    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        Path file = dir.resolve("data.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private DatasetException failure(String text) throws IOException {
        Path file = file(text);
        return assertThrows(DatasetException.class,
                () -> CsvDataset.load(file, List.of("prompt"), List.of("response")));
    }

    private static void assertMentions(DatasetException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' missing from: " + e.getMessage());
        }
        assertTrue(e.getMessage().contains("data.csv") && e.getMessage().contains("Fix: "), e.getMessage());
    }

    @Test
    void quotedValuesMayHoldCommasQuotesAndLineBreaks() throws IOException {
        Path file = file("id,prompt,response\r\n"
                + "1,\"Say \"\"hi\"\", politely\",\"Hello,\r\nnice to meet you.\"\r\n"
                + "\r\n"
                + "2,plain ünïcødé 🌧,\"\"\n"
                + "3,  spaces kept  ,last");
        Table table = CsvDataset.load(file, List.of("prompt"), List.of("response", "missing"));
        assertEquals(List.of("prompt", "response", "missing"), table.columnNames());
        assertEquals(3, table.rowCount());
        assertEquals("Say \"hi\", politely", table.stringColumn("prompt").get(0));
        assertEquals("Hello,\r\nnice to meet you.", table.stringColumn("response").get(0));
        assertEquals("plain ünïcødé 🌧", table.stringColumn("prompt").get(1));
        assertEquals("", table.stringColumn("response").get(1));
        assertEquals("  spaces kept  ", table.stringColumn("prompt").get(2));
        assertEquals("", table.stringColumn("missing").get(2));
    }

    @Test
    void lineNumbersCountLinesInsideQuotedValues() throws IOException {
        DatasetException e = failure("prompt,response\n\"a\nb\nc\",x\n ,y\n");
        assertEquals(5, e.line());
        assertMentions(e, "line 5", "required field 'prompt' is empty");
    }

    @Test
    void aMissingRequiredColumnIsReported() throws IOException {
        DatasetException e = failure("question,response\nq,r\n");
        assertEquals("prompt", e.field().orElseThrow());
        assertMentions(e, "line 1", "no column 'prompt'", "question, response");
    }

    @Test
    void aRowWithTheWrongNumberOfValuesIsReported() throws IOException {
        assertMentions(failure("prompt,response\na,b\nc,d,e\n"), "line 3", "3 values but the header has 2");
    }

    @Test
    void quotingMistakesAreReported() throws IOException {
        assertMentions(failure("prompt,response\n\"open,b\nc,d\n"), "line 2", "never closed");
        assertMentions(failure("prompt,response\nsay \"hi\",b\n"), "line 2", "double quote inside a value");
        assertMentions(failure("prompt,response\n\"a\"b,c\n"), "line 2", "text after the closing quote");
    }

    @Test
    void emptyFilesAndDuplicateColumnsAreReported() throws IOException {
        assertMentions(failure(""), "the file is empty");
        assertMentions(failure("prompt,response\n\n"), "contains no records");
        assertMentions(failure("prompt,prompt\na,b\n"), "column 'prompt' twice");
    }

    @Test
    void invalidUtf8IsReported() throws IOException {
        Path file = dir.resolve("data.csv");
        Files.write(file, new byte[] {'p', 'r', 'o', 'm', 'p', 't', '\n', 'a', (byte) 0xC3, '\n'});
        DatasetException e = assertThrows(DatasetException.class, () -> CsvDataset.load(file, List.of("prompt")));
        assertEquals(2, e.line());
        assertMentions(e, "byte 2 of the line", "0xC3");
    }
}
