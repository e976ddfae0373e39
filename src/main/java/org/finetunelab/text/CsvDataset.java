package org.finetunelab.text;

import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads CSV datasets into a Tablesaw {@link Table}, with the same checks and error messages as
 * {@link JsonlDataset}. The first row names the columns; a value holding commas, quotes or line breaks is
 * written in double quotes, with a quote inside it doubled:
 *
 * <pre>
 * prompt,response
 * "Say ""hi"", politely","Hello,
 * nice to meet you."
 * </pre>
 *
 * Blank lines are skipped, values are kept exactly (no trimming), columns that were not requested are
 * ignored, and a UTF-8 byte order mark is accepted.
 */
public final class CsvDataset {
    private CsvDataset() {
    }

    /** Loads {@code file}, which must have every {@code required} column filled in every row. */
    public static Table load(Path file, List<String> required) {
        return load(file, required, List.of());
    }

    /**
     * Loads {@code file} into a table with the columns {@code required} then {@code optional}. An optional
     * column absent from the header becomes a column of empty strings.
     *
     * @throws DatasetException when the file cannot be used; the message says where and how to fix it
     */
    public static Table load(Path file, List<String> required, List<String> optional) {
        JsonlDataset.Fields fields = new JsonlDataset.Fields(required, optional);
        List<Record> records = new Parser(file, JsonlDataset.readUtf8(file)).records();
        if (records.isEmpty()) {
            throw new DatasetException(file, 0, null, "the file is empty",
                    "write a header row with the column names (" + String.join(",", required) + ") and one row per record");
        }
        Record header = records.get(0);
        Map<String, Integer> columnOf = new HashMap<>();
        for (int i = 0; i < header.values().size(); i++) {
            String name = header.values().get(i).strip();
            if (columnOf.put(name, i) != null) {
                throw new DatasetException(file, header.line(), name, "the header names column '" + name + "' twice",
                        "give each column a different name");
            }
        }
        for (String name : fields.required()) {
            if (!columnOf.containsKey(name)) {
                throw new DatasetException(file, header.line(), name, "the header has no column '" + name
                        + "' (it has: " + String.join(", ", header.values()) + ")",
                        "add a column named '" + name + "' to the first row");
            }
        }
        for (Record record : records.subList(1, records.size())) {
            if (record.values().size() != header.values().size()) {
                throw new DatasetException(file, record.line(), null, "the row has " + record.values().size()
                        + " values but the header has " + header.values().size() + " columns",
                        "put values that contain commas in double quotes, and give every row one value per column");
            }
            List<String> row = new ArrayList<>();
            for (String name : fields.all()) {
                Integer column = columnOf.get(name);
                String value = column == null ? "" : record.values().get(column);
                if (fields.required().contains(name)) {
                    fields.requirePresent(file, record.line(), name, value, "is missing");
                }
                row.add(value);
            }
            fields.addRow(row);
        }
        return fields.toTable(file, "a header row '" + String.join(",", required) + "' followed by a row of values");
    }

    /** One CSV record and the line it starts on. */
    private record Record(long line, List<String> values) {
    }

    /** A small RFC 4180 parser that remembers line numbers for error messages. */
    private static final class Parser {
        private final Path file;
        private final String text;
        private int pos;
        private long line = 1;

        Parser(Path file, String text) {
            this.file = file;
            this.text = text;
        }

        List<Record> records() {
            List<Record> records = new ArrayList<>();
            while (pos < text.length()) {
                long startLine = line;
                List<String> values = readRecord();
                boolean blank = values.size() == 1 && values.get(0).isBlank();
                if (!blank) {
                    records.add(new Record(startLine, values));
                }
            }
            return records;
        }

        /** Reads values up to and including the end of the record's last line. */
        private List<String> readRecord() {
            List<String> values = new ArrayList<>();
            while (true) {
                values.add(peek() == '"' ? readQuoted() : readPlain());
                if (pos >= text.length()) {
                    return values;
                }
                char c = text.charAt(pos++);
                if (c == ',') {
                    continue;
                }
                endLine(c);
                return values;
            }
        }

        private String readPlain() {
            int start = pos;
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == ',' || c == '\n' || c == '\r') {
                    break;
                }
                if (c == '"') {
                    throw new DatasetException(file, line, null, "a double quote inside a value that does not start "
                            + "with one, near " + JsonlDataset.excerpt(currentLine(), pos - lineStart()),
                            "put the whole value in double quotes and double the quote inside: \"say \"\"hi\"\"\"");
                }
                pos++;
            }
            return text.substring(start, pos);
        }

        private String readQuoted() {
            long openedOn = line;
            pos++; // the opening quote
            StringBuilder value = new StringBuilder();
            while (true) {
                if (pos >= text.length()) {
                    throw new DatasetException(file, openedOn, null, "a quoted value opened on this line is never "
                            + "closed", "add the closing double quote, and double any quote inside the value");
                }
                char c = text.charAt(pos++);
                if (c == '"') {
                    if (peek() == '"') {
                        value.append('"');
                        pos++;
                        continue;
                    }
                    int next = peek();
                    if (next != -1 && next != ',' && next != '\n' && next != '\r') {
                        throw new DatasetException(file, line, null, "text after the closing quote of a value, near "
                                + JsonlDataset.excerpt(currentLine(), pos - lineStart()),
                                "double the quotes inside a quoted value (\"\"), or put a comma after the closing quote");
                    }
                    return value.toString();
                }
                if (c == '\n' || (c == '\r' && peek() != '\n')) {
                    line++;
                }
                value.append(c);
            }
        }

        private void endLine(char c) {
            if (c == '\r' && peek() == '\n') {
                pos++;
            }
            line++;
        }

        private int peek() {
            return pos < text.length() ? text.charAt(pos) : -1;
        }

        private int lineStart() {
            int start = pos - 1;
            while (start >= 0 && text.charAt(start) != '\n' && text.charAt(start) != '\r') {
                start--;
            }
            return start + 1;
        }

        private String currentLine() {
            int start = lineStart();
            int end = start;
            while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            return text.substring(start, end);
        }
    }
}
