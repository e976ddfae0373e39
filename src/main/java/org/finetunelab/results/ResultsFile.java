package org.finetunelab.results;

import org.finetunelab.io.AtomicFiles;
import org.finetunelab.stats.Spread;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.csv.CsvReadOptions;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A results file: a CSV table (one header row, full-precision numbers, empty for "does not apply") after a few
 * {@code # key: value} lines that give its {@link Provenance}. Spreadsheets and pandas
 * ({@code read_csv(f, comment='#')}) read it as it is. Files are written atomically, so an interrupted command
 * never leaves half a file.
 */
public final class ResultsFile {
    private ResultsFile() {
    }

    /** Writes the table with its provenance to {@code file} (folders are created). */
    public static void write(Path file, Provenance provenance, Table table) throws IOException {
        StringBuilder out = new StringBuilder();
        provenance.fields().forEach((k, v) -> out.append("# ").append(k).append(": ").append(v).append('\n'));
        List<String> header = new ArrayList<>();
        table.columns().forEach(c -> header.add(cell(c.name())));
        out.append(String.join(",", header)).append('\n');
        for (int r = 0; r < table.rowCount(); r++) {
            List<String> row = new ArrayList<>();
            for (Column<?> c : table.columns()) {
                row.add(value(c, r));
            }
            out.append(String.join(",", row)).append('\n');
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        AtomicFiles.writeString(file, out.toString());
    }

    private static String value(Column<?> c, int r) {
        if (c.isMissing(r)) {
            return "";
        }
        if (c instanceof NumericColumn<?> n) {
            double v = n.getDouble(r);
            if (!Double.isFinite(v)) {
                return "";
            }
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
        if (c instanceof BooleanColumn b) {
            return Boolean.toString(b.get(r));
        }
        return cell(c.getString(r));
    }

    private static String cell(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    /** The table of a results file (numbers as numeric columns, empty cells missing). */
    public static Table read(Path file) throws IOException {
        String csv = String.join("\n", lines(file).stream().filter(l -> !l.startsWith("#")).toList());
        return Table.read().csv(CsvReadOptions.builder(new StringReader(csv)).tableName(file.getFileName().toString())
                .missingValueIndicator("").build());
    }

    /** The provenance lines of a results file. */
    public static Provenance provenance(Path file) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> lines = lines(file);
        for (int i = 0; i < lines.size() && lines.get(i).startsWith("#"); i++) {
            String line = lines.get(i).substring(1).strip();
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected '# key: value', found '"
                        + lines.get(i) + "'");
            }
            fields.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        try {
            return new Provenance(fields);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static List<String> lines(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file + " (a results file; ./lab reproduce writes it)");
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    /**
     * A number from any numeric column of a results table, NaN where the cell is empty. A CSV read back makes
     * whole-number columns integers, so readers ask for a number rather than for a column type.
     */
    public static double number(Table t, String column, int row) {
        if (!t.columnNames().contains(column)) {
            throw new IllegalArgumentException("results table '" + t.name() + "' has no column '" + column + "'");
        }
        if (t.column(column).isMissing(row)) {
            return Double.NaN;
        }
        return ((NumericColumn<?>) t.column(column)).getDouble(row);
    }

    /**
     * A figure of one row of a study's summary over the seeds, from its columns {@code seeds}, {@code FIGURE},
     * {@code FIGURE std}, {@code FIGURE min} and {@code FIGURE max}, read by {@link #number}.
     */
    public static Spread spread(Table summary, String figure, int row) {
        return new Spread((int) number(summary, "seeds", row), number(summary, figure, row),
                number(summary, figure + " std", row), number(summary, figure + " min", row),
                number(summary, figure + " max", row));
    }
}
