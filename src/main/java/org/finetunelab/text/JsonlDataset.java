package org.finetunelab.text;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import org.finetunelab.io.AtomicFiles;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads JSON Lines datasets (one JSON object per line) into a Tablesaw {@link Table} with one string
 * column per requested field, and saves tables back to JSON Lines.
 *
 * <pre>
 * {"prompt": "Write a haiku about rain", "response": "Soft rain on the roof..."}
 * {"prompt": "Name a colour", "response": "Teal"}
 * </pre>
 *
 * Every problem is reported as a {@link DatasetException} naming the file, line and field: invalid
 * UTF-8, malformed JSON, a line that is not an object, a required field that is missing, blank or not a
 * string, and a file without records. Blank lines are skipped, a UTF-8 byte order mark is accepted, and
 * fields that were not requested are ignored.
 */
public final class JsonlDataset {
    private static final Pattern GSON_COLUMN = Pattern.compile("column (\\d+)");
    private static final int EXCERPT_CHARS = 30;

    private JsonlDataset() {
    }

    /** Loads {@code file}, which must have every {@code required} field in every record. */
    public static Table load(Path file, List<String> required) {
        return load(file, required, List.of());
    }

    /**
     * Loads {@code file} into a table with the columns {@code required} then {@code optional}, in that
     * order. A missing or null optional field becomes an empty string.
     *
     * @throws DatasetException when the file cannot be used; the message says where and how to fix it
     */
    public static Table load(Path file, List<String> required, List<String> optional) {
        Fields fields = new Fields(required, optional);
        String text = readUtf8(file);
        Set<String> wanted = new HashSet<>(fields.all());
        long lineNumber = 0;
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            lineNumber++;
            String line = text.substring(start, end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (!line.isBlank()) {
                fields.add(file, lineNumber, parseLine(file, lineNumber, line, wanted));
            }
            start = end + 1;
        }
        return fields.toTable(file, "{" + String.join(", ", required.stream()
                .map(f -> "\"" + f + "\": \"...\"").toList()) + "}");
    }

    /** Parses one line into the wanted fields' JSON values (strings, or null for JSON null). */
    private static Map<String, JsonValue> parseLine(Path file, long lineNumber, String line, Set<String> wanted) {
        Map<String, JsonValue> values = new HashMap<>();
        try (JsonReader reader = new JsonReader(new StringReader(line))) {
            reader.setStrictness(Strictness.STRICT);
            JsonToken first = reader.peek();
            if (first != JsonToken.BEGIN_OBJECT) {
                throw new DatasetException(file, lineNumber, null, "the line is " + describe(first)
                        + ", not a JSON object", "write each record as one object on one line, like {\"field\": \"text\"}");
            }
            reader.beginObject();
            Set<String> seen = new HashSet<>();
            while (reader.hasNext()) {
                String name = reader.nextName();
                if (!seen.add(name)) {
                    throw new DatasetException(file, lineNumber, name, "field '" + name + "' appears twice in the "
                            + "object", "keep one '" + name + "' per line");
                }
                if (!wanted.contains(name)) {
                    reader.skipValue();
                    continue;
                }
                JsonToken token = reader.peek();
                if (token == JsonToken.STRING) {
                    values.put(name, new JsonValue(reader.nextString(), token));
                } else if (token == JsonToken.NULL) {
                    reader.nextNull();
                    values.put(name, new JsonValue(null, token));
                } else {
                    reader.skipValue();
                    values.put(name, new JsonValue(null, token));
                }
            }
            reader.endObject();
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new IOException("unexpected text after the object");
            }
        } catch (DatasetException e) {
            throw e;
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            throw malformed(file, lineNumber, line, e);
        }
        return values;
    }

    private static DatasetException malformed(Path file, long lineNumber, String line, Exception cause) {
        String message = cause.getMessage() == null ? "invalid JSON" : cause.getMessage();
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        Matcher column = GSON_COLUMN.matcher(message);
        // Gson reports the position just after the character that broke the syntax.
        int col = column.find() ? Math.max(1, Integer.parseInt(column.group(1)) - 1) : 1;
        String what = message.replaceAll(" at line \\d+ column \\d+.*$", "").replaceAll("\\s*Use JsonReader.*$", "");
        if (what.isBlank() || what.startsWith("Use JsonReader")) {
            // Gson's "use lenient mode" hint: name the usual causes instead.
            what = "not allowed here, e.g. a name without double quotes or text after the object";
        }
        DatasetException e = new DatasetException(file, lineNumber, null, "invalid JSON at column " + col + " ("
                + what + ") near " + excerpt(line, col - 1), "check the quotes, commas and braces on this line; each "
                + "line must be one complete JSON object, with \\\" for quotes and \\n for line breaks inside strings");
        e.initCause(cause);
        return e;
    }

    /** A short, one-line piece of {@code line} around {@code index}, quoted. */
    static String excerpt(String line, int index) {
        int from = Math.max(0, Math.min(index, line.length()) - EXCERPT_CHARS / 2);
        int to = Math.min(line.length(), from + EXCERPT_CHARS);
        String piece = line.substring(from, to).replaceAll("\\p{Cntrl}", "?");
        return "'" + (from > 0 ? "..." : "") + piece + (to < line.length() ? "..." : "") + "'";
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case BEGIN_ARRAY -> "an array";
            case BEGIN_OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "empty";
        };
    }

    /** A wanted field's value as found on a line: its text (null unless a string) and its JSON type. */
    private record JsonValue(String text, JsonToken type) {
    }

    // ------------------------------------------------------------------ saving

    /**
     * Saves {@code table} as JSON Lines, one object per row with a field per column, replacing
     * {@code file} atomically. Numbers and booleans are written as JSON numbers and booleans, missing
     * values as null, everything else as strings.
     */
    public static void save(Table table, Path file) {
        try {
            AtomicFiles.write(file, out -> {
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                for (int row = 0; row < table.rowCount(); row++) {
                    JsonWriter json = new JsonWriter(writer);
                    json.setHtmlSafe(false);
                    json.beginObject();
                    for (Column<?> column : table.columns()) {
                        json.name(column.name());
                        writeValue(json, column, row);
                    }
                    json.endObject();
                    json.flush();
                    writer.write('\n');
                }
                writer.flush();
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not save " + file + ": " + e.getMessage(), e);
        }
    }

    private static void writeValue(JsonWriter json, Column<?> column, int row) throws IOException {
        if (column.isMissing(row) && !(column instanceof StringColumn)) {
            json.nullValue();
        } else if (column instanceof NumericColumn<?> numbers) {
            json.value((Number) numbers.get(row));
        } else if (column instanceof BooleanColumn booleans) {
            json.value(booleans.get(row));
        } else {
            json.value(column.getString(row));
        }
    }

    // ------------------------------------------------------------------ shared with CsvDataset

    /**
     * Reads {@code file} as strict UTF-8 (no silent replacement of bad bytes), without a leading byte
     * order mark.
     */
    static String readUtf8(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DatasetException(file, 0, null, "the file does not exist",
                    "check the path (relative paths start at " + Path.of("").toAbsolutePath() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length - start);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw notUtf8(file, bytes, in.position());
        }
        return out.flip().toString();
    }

    private static DatasetException notUtf8(Path file, byte[] bytes, int offset) {
        long line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new DatasetException(file, line, null, String.format("byte %d of the line (offset %d in the file, "
                + "value 0x%02X) is not valid UTF-8", offset - lineStart + 1, offset, bytes[offset] & 0xFF),
                "save the file with the UTF-8 encoding (e.g. iconv -f latin1 -t utf-8 in.jsonl > out.jsonl, "
                        + "or choose UTF-8 in your editor's Save As)");
    }

    /** The requested fields and the values collected for them, record by record. */
    static final class Fields {
        private final List<String> required;
        private final List<String> all;
        private final List<List<String>> columns = new ArrayList<>();

        Fields(List<String> required, List<String> optional) {
            this.required = List.copyOf(required);
            Set<String> names = new LinkedHashSet<>(required);
            for (String name : optional) {
                if (!names.add(name)) {
                    throw new IllegalArgumentException("field '" + name + "' is listed twice; name each field once");
                }
            }
            if (names.size() != required.size() + optional.size()) {
                throw new IllegalArgumentException("a required field is listed twice; name each field once");
            }
            if (names.isEmpty()) {
                throw new IllegalArgumentException("no fields requested; name at least one field to load");
            }
            this.all = List.copyOf(names);
            all.forEach(name -> columns.add(new ArrayList<>()));
        }

        List<String> all() {
            return all;
        }

        List<String> required() {
            return required;
        }

        /** Checks and adds one JSONL record. */
        private void add(Path file, long line, Map<String, JsonValue> values) {
            List<String> row = new ArrayList<>(all.size());
            for (String name : all) {
                JsonValue value = values.get(name);
                boolean isRequired = required.contains(name);
                if (value != null && value.type() != JsonToken.STRING && value.type() != JsonToken.NULL) {
                    throw new DatasetException(file, line, name, "field '" + name + "' must be a string but is "
                            + describe(value.type()), "put the value in double quotes, e.g. \"" + name + "\": \"42\"");
                }
                String text = value == null ? null : value.text();
                if (isRequired) {
                    requirePresent(file, line, name, text, value == null ? "is missing" : "is null");
                }
                row.add(text == null ? "" : text);
            }
            addRow(row);
        }

        /** Checks that a required value is present and not blank. */
        void requirePresent(Path file, long line, String name, String text, String whenAbsent) {
            if (text == null) {
                throw new DatasetException(file, line, name, "required field '" + name + "' " + whenAbsent,
                        "add \"" + name + "\": \"...\" to this record, or remove the record");
            }
            if (text.isBlank()) {
                throw new DatasetException(file, line, name, "required field '" + name + "' is empty",
                        "write the " + name + " text, or remove the record");
            }
        }

        void addRow(List<String> row) {
            for (int i = 0; i < row.size(); i++) {
                columns.get(i).add(row.get(i));
            }
        }

        Table toTable(Path file, String example) {
            if (columns.get(0).isEmpty()) {
                throw new DatasetException(file, 0, null, "the file contains no records",
                        "add at least one record, e.g. " + example);
            }
            Table table = Table.create(String.valueOf(file.getFileName()));
            for (int i = 0; i < all.size(); i++) {
                table.addColumns(StringColumn.create(all.get(i), columns.get(i)));
            }
            return table;
        }
    }
}
