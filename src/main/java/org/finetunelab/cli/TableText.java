package org.finetunelab.cli;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

import java.util.Locale;

/**
 * Tables as the command line prints them: shares (accuracy, rates) as percentages with one decimal, times and
 * sizes (milliseconds, MiB) with one decimal, other decimals (losses, margins) with four digits, so that a reader
 * sees what is meaningful and no float noise.
 */
final class TableText {
    private TableText() {
    }

    static String of(Table table) {
        Table copy = table.copy();
        for (Column<?> column : copy.columns()) {
            if (column instanceof DoubleColumn d) {
                d.setPrintFormatter(isShare(d.name()) ? NumberColumnFormatter.percent(1)
                        : isTimeOrSize(d.name()) ? NumberColumnFormatter.fixedWithGrouping(1)
                        : NumberColumnFormatter.fixedWithGrouping(4));
            }
        }
        return copy.printAll();
    }

    /** Columns of milliseconds or mebibytes, by their name. */
    static boolean isTimeOrSize(String columnName) {
        return columnName.startsWith("ms ") || columnName.contains("MiB");
    }

    /** Columns that hold a fraction of 1 by their name: accuracy, rates, shares. */
    static boolean isShare(String columnName) {
        String name = columnName.toLowerCase(Locale.ROOT);
        return name.contains("accuracy") || name.contains("rate") || name.contains("share") || name.contains("fraction");
    }
}
