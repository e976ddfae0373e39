package org.finetunelab.notebook;

import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Renders a Tablesaw table as a compact HTML table with a caption that gives its size. */
final class TableHtml {
    private TableHtml() {
    }

    static Html render(Table table, int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be at least 1, got " + maxRows);
        }
        int shown = Math.min(maxRows, table.rowCount());
        StringBuilder html = new StringBuilder();
        html.append("<table class=\"finetune-table\">");
        html.append("<caption style=\"text-align:left\">").append(caption(table)).append("</caption>");
        html.append("<thead><tr>");
        for (Column<?> column : table.columns()) {
            html.append("<th>").append(Html.escape(column.name())).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (int row = 0; row < shown; row++) {
            html.append("<tr>");
            for (Column<?> column : table.columns()) {
                String align = isNumeric(column) ? " style=\"text-align:right\"" : "";
                html.append("<td").append(align).append('>')
                        .append(Html.escape(cellText(column, row))).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table>");
        int hidden = table.rowCount() - shown;
        if (hidden > 0) {
            html.append("<div><i>… ").append(hidden).append(hidden == 1 ? " more row" : " more rows")
                    .append(" not shown</i></div>");
        }
        return new Html(html.toString());
    }

    /** Decimal numbers with five significant digits: 0.69519 reads better than 0.695187509059906. */
    static String cellText(Column<?> column, int row) {
        if (column.isMissing(row)) {
            return "";
        }
        Object value = column.get(row);
        if (value instanceof Double || value instanceof Float) {
            return formatDecimal(((Number) value).doubleValue());
        }
        return column.getString(row);
    }

    static String formatDecimal(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return Double.toString(x);
        }
        double magnitude = Math.abs(x);
        if (magnitude != 0 && (magnitude < 1e-4 || magnitude >= 1e9)) {
            return String.format(Locale.ROOT, "%.4e", x);
        }
        return new BigDecimal(x).round(new MathContext(5)).stripTrailingZeros().toPlainString();
    }

    private static String caption(Table table) {
        String name = table.name() == null || table.name().isBlank() ? "Table" : Html.escape(table.name());
        return "<b>" + name + "</b> · " + table.rowCount() + (table.rowCount() == 1 ? " row" : " rows")
                + " × " + table.columnCount() + (table.columnCount() == 1 ? " column" : " columns");
    }

    private static boolean isNumeric(Column<?> column) {
        ColumnType type = column.type();
        return type == ColumnType.DOUBLE || type == ColumnType.FLOAT || type == ColumnType.INTEGER
                || type == ColumnType.LONG || type == ColumnType.SHORT;
    }
}
