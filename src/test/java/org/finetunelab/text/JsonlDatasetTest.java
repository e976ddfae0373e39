package org.finetunelab.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonlDatasetTest {
    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        return bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private Path bytes(byte[] content) throws IOException {
        Path file = dir.resolve("data.jsonl");
        Files.write(file, content);
        return file;
    }

    private DatasetException failure(String text) throws IOException {
        Path file = file(text);
        return assertThrows(DatasetException.class,
                () -> JsonlDataset.load(file, List.of("prompt"), List.of("response")));
    }

    private static void assertMentions(DatasetException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' missing from: " + e.getMessage());
        }
        assertTrue(e.getMessage().contains("data.jsonl"), e.getMessage());
        assertTrue(e.getMessage().contains("Fix: "), e.getMessage());
    }

    @Test
    void aGoodFileWithUnicodeAndEscapesLoads() throws IOException {
        Path file = file("{\"prompt\": \"Grüße, 世界 🌧\", \"response\": \"line1\\nline2 \\\"quoted\\\" \\u00e9\\t\\\\\"}\n"
                + "\n"
                + "   \r\n"
                + "{\"extra\": [1, {\"x\": null}], \"prompt\": \"second\"}\r\n"
                + "{\"prompt\": \"third\", \"response\": null}");
        Table table = JsonlDataset.load(file, List.of("prompt"), List.of("response"));
        assertEquals(List.of("prompt", "response"), table.columnNames());
        assertEquals(3, table.rowCount());
        StringColumn prompt = table.stringColumn("prompt");
        StringColumn response = table.stringColumn("response");
        assertEquals("Grüße, 世界 🌧", prompt.get(0));
        assertEquals("line1\nline2 \"quoted\" é\t\\", response.get(0));
        assertEquals("second", prompt.get(1));
        assertEquals("", response.get(1));
        assertEquals("", response.get(2));
        assertEquals("data.jsonl", table.name());
    }

    @Test
    void aByteOrderMarkIsAccepted() throws IOException {
        byte[] body = "{\"prompt\": \"hi\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Table table = JsonlDataset.load(bytes(withBom), List.of("prompt"));
        assertEquals("hi", table.stringColumn("prompt").get(0));
    }

    @Test
    void malformedJsonNamesLineColumnAndExcerpt() throws IOException {
        DatasetException e = failure("{\"prompt\": \"ok\"}\n{\"prompt\": \"unterminated}\n");
        assertEquals(2, e.line());
        assertMentions(e, "line 2", "invalid JSON at column 25 (Unterminated string)", "\"unterminated}'");
        e = failure("{\"prompt\": \"a\",}\n");
        assertMentions(e, "line 1", "column 16");
        e = failure("{\"prompt\": 'single'}\n");
        assertMentions(e, "invalid JSON", "column 12");
        e = failure("{\"prompt\": \"a\"} trailing\n");
        assertMentions(e, "line 1", "invalid JSON");
        e = failure("{\"prompt\": \"bad escape \\q\"}");
        assertMentions(e, "invalid JSON");
    }

    @Test
    void aLineThatIsNotAnObjectIsReported() throws IOException {
        assertMentions(failure("[\"prompt\", \"x\"]"), "line 1", "an array, not a JSON object");
        assertMentions(failure("{\"prompt\": \"x\"}\n\"just text\""), "line 2", "a string, not a JSON object");
        assertMentions(failure("42"), "a number, not a JSON object");
        assertMentions(failure("null"), "null, not a JSON object");
    }

    @Test
    void missingNullAndBlankRequiredFieldsAreReported() throws IOException {
        DatasetException missing = failure("{\"prompt\": \"a\"}\n{\"response\": \"b\"}\n");
        assertEquals(2, missing.line());
        assertEquals("prompt", missing.field().orElseThrow());
        assertMentions(missing, "required field 'prompt' is missing", "add \"prompt\"");
        assertMentions(failure("{\"prompt\": null}"), "required field 'prompt' is null");
        DatasetException blank = failure("{\"prompt\": \"  \\n \"}");
        assertMentions(blank, "line 1", "required field 'prompt' is empty");
    }

    @Test
    void aFieldOfTheWrongTypeIsReported() throws IOException {
        DatasetException number = failure("{\"prompt\": 42}");
        assertEquals("prompt", number.field().orElseThrow());
        assertMentions(number, "field 'prompt' must be a string but is a number", "double quotes");
        assertMentions(failure("{\"prompt\": \"a\", \"response\": [\"x\"]}"),
                "field 'response' must be a string but is an array");
        assertMentions(failure("{\"prompt\": {\"text\": \"a\"}}"), "must be a string but is an object");
        assertMentions(failure("{\"prompt\": true}"), "must be a string but is a boolean");
    }

    @Test
    void duplicateFieldsAreReported() throws IOException {
        assertMentions(failure("{\"prompt\": \"a\", \"prompt\": \"b\"}"), "field 'prompt' appears twice");
    }

    @Test
    void anEmptyDatasetIsReported() throws IOException {
        DatasetException e = failure("\n  \n\r\n");
        assertEquals(0, e.line());
        assertMentions(e, "contains no records", "{\"prompt\": \"...\"}");
        assertMentions(failure(""), "contains no records");
    }

    @Test
    void invalidUtf8NamesLineAndByteOffset() throws IOException {
        byte[] good = "{\"prompt\": \"ok\"}\n{\"prompt\": \"caf".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[good.length + 3];
        System.arraycopy(good, 0, content, 0, good.length);
        content[good.length] = (byte) 0xE9; // Latin-1 'é'
        content[good.length + 1] = '"';
        content[good.length + 2] = '}';
        Path file = bytes(content);
        DatasetException e = assertThrows(DatasetException.class, () -> JsonlDataset.load(file, List.of("prompt")));
        assertEquals(2, e.line());
        assertMentions(e, "line 2", "byte 16 of the line", "offset " + good.length, "0xE9", "UTF-8");
    }

    @Test
    void aMissingFileIsReported() {
        DatasetException e = assertThrows(DatasetException.class,
                () -> JsonlDataset.load(dir.resolve("nope.jsonl"), List.of("prompt")));
        assertTrue(e.getMessage().contains("nope.jsonl") && e.getMessage().contains("does not exist"));
    }

    @Test
    void requestingAFieldTwiceIsAProgrammingError() throws IOException {
        Path file = file("{\"prompt\": \"a\"}");
        assertThrows(IllegalArgumentException.class, () -> JsonlDataset.load(file, List.of("prompt"), List.of("prompt")));
        assertThrows(IllegalArgumentException.class, () -> JsonlDataset.load(file, List.of(), List.of()));
    }

    @Test
    void savedTablesLoadBackTheSame() throws IOException {
        Table table = Table.create("t",
                StringColumn.create("prompt", List.of("Grüße \"x\"\nnew line", "second \\ 🌧", "\u2028 sep")),
                StringColumn.create("response", List.of("a", "", "c")));
        Path out = dir.resolve("saved.jsonl");
        JsonlDataset.save(table, out);
        Table back = JsonlDataset.load(out, List.of("prompt"), List.of("response"));
        assertEquals(table.stringColumn("prompt").asList(), back.stringColumn("prompt").asList());
        assertEquals(table.stringColumn("response").asList(), back.stringColumn("response").asList());
        assertEquals(3, Files.readAllLines(out).size());
        try (Stream<Path> list = Files.list(dir)) {
            assertEquals(1, list.filter(p -> p.getFileName().toString().contains("saved")).count(),
                    "no temporary file left");
        }
    }

    @Test
    void numbersAndBooleansAreSavedAsJsonValues() throws IOException {
        Table table = Table.create("t", IntColumn.create("n", 1, 2), BooleanColumn.create("ok", true, false),
                StringColumn.create("s", "x", "y"));
        Path out = dir.resolve("typed.jsonl");
        JsonlDataset.save(table, out);
        assertEquals(List.of("{\"n\":1,\"ok\":true,\"s\":\"x\"}", "{\"n\":2,\"ok\":false,\"s\":\"y\"}"),
                Files.readAllLines(out));
    }
}
