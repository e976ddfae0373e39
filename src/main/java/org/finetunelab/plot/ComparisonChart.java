package org.finetunelab.plot;

import org.finetunelab.experiments.MethodComparison;
import org.finetunelab.stats.Spread;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pictures of a {@link MethodComparison} table. The main one puts every method at its share of trainable
 * weights (log scale: from a few thousandths of a percent to all of them) against its held-out accuracy: the
 * methods to the upper left get the most accuracy for the fewest weights. From a {@link MethodComparison#summary}
 * table each point carries an error bar of one standard deviation over the seeds, and the bag-of-words baseline,
 * which has no share of the model, is a dashed horizontal line.
 */
public final class ComparisonChart {
    private ComparisonChart() {
    }

    /** Held-out accuracy against the share of the model that trained, one labelled point per method. */
    public static XYChart of(Table comparison) {
        return of("Fine-tuning methods: accuracy against trainable share", comparison);
    }

    public static XYChart of(String title, Table comparison) {
        requireColumns(comparison, MethodComparison.METHOD, MethodComparison.PERCENT, MethodComparison.ACCURACY);
        if (comparison.stringColumn(MethodComparison.METHOD).unique().size() < comparison.rowCount()) {
            throw new IllegalArgumentException("table '" + comparison.name() + "' has several rows per method (one per"
                    + " seed); chart MethodComparison.summary(runs), which has one row per method with its spread");
        }
        XYChart chart = new XYChartBuilder().width(720).height(420).title(title)
                .xAxisTitle("trainable weights (% of the model, log scale)").yAxisTitle("held-out accuracy").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setMarkerSize(11);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        boolean spread = comparison.columnNames().contains(MethodComparison.ACCURACY_STD);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        double left = Double.POSITIVE_INFINITY;
        double right = Double.NEGATIVE_INFINITY;
        List<Integer> baselines = new ArrayList<>();
        for (int row = 0; row < comparison.rowCount(); row++) {
            String method = comparison.stringColumn(MethodComparison.METHOD).get(row);
            double percent = number(comparison, MethodComparison.PERCENT, row);
            double accuracy = number(comparison, MethodComparison.ACCURACY, row);
            if (!Double.isFinite(percent)) {
                baselines.add(row);
                continue;
            }
            left = Math.min(left, percent);
            right = Math.max(right, percent);
            XYSeries point = spread
                    ? chart.addSeries(method, new double[]{percent}, new double[]{accuracy},
                    new double[]{number(comparison, MethodComparison.ACCURACY_STD, row)})
                    : chart.addSeries(method, new double[]{percent}, new double[]{accuracy});
            point.setMarker(SeriesMarkers.CIRCLE);
        }
        for (int row : baselines) {
            double accuracy = number(comparison, MethodComparison.ACCURACY, row);
            double[] x = Double.isFinite(left) ? new double[]{left, right} : new double[]{0.01, 100};
            XYSeries line = chart.addSeries(comparison.stringColumn(MethodComparison.METHOD).get(row) + " (no model)",
                    x, new double[]{accuracy, accuracy});
            line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            line.setLineStyle(SeriesLines.DASH_DASH);
            line.setMarker(SeriesMarkers.NONE);
        }
        if (comparison.rowCount() == 0) {
            chart.addSeries("no methods", new double[]{1}, new double[]{Double.NaN});
        }
        return chart;
    }

    /** One bar per method for any numeric column of the table, e.g. {@link MethodComparison#MS_PER_STEP}. */
    public static CategoryChart bars(Table comparison, String column) {
        requireColumns(comparison, MethodComparison.METHOD, column);
        CategoryChart chart = new CategoryChartBuilder().width(720).height(360).title(column + " by method")
                .xAxisTitle("method").yAxisTitle(column).build();
        chart.getStyler().setLegendVisible(false);
        List<String> methods = new ArrayList<>(comparison.stringColumn(MethodComparison.METHOD).asList());
        List<Double> values = new ArrayList<>();
        for (int row = 0; row < comparison.rowCount(); row++) {
            values.add(number(comparison, column, row));
        }
        if (methods.isEmpty()) {
            methods.add("none");
            values.add(0.0);
        }
        chart.addSeries(column, methods, values);
        return chart;
    }

    /**
     * Held-out accuracy per method as bars with error bars (one standard deviation over the seeds), from a
     * {@link MethodComparison#summary} table.
     */
    public static CategoryChart accuracyBars(Table summary) {
        requireColumns(summary, MethodComparison.METHOD, MethodComparison.SEEDS, MethodComparison.ACCURACY_STD);
        Map<String, Spread> accuracies = MethodComparison.accuracies(summary);
        CategoryChart chart = SpreadChart.bars("Held-out accuracy per method (mean ± std over "
                + accuracies.values().stream().mapToInt(Spread::runs).max().orElse(0) + " seeds)", "held-out accuracy",
                accuracies);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        return chart;
    }

    private static double number(Table table, String column, int row) {
        if (!(table.column(column) instanceof NumericColumn<?> numbers)) {
            throw new IllegalArgumentException("column '" + column + "' of table '" + table.name()
                    + "' is not numeric; choose one of " + numericColumns(table));
        }
        return numbers.getDouble(row);
    }

    private static void requireColumns(Table table, String... names) {
        for (String name : names) {
            if (!table.columnNames().contains(name)) {
                throw new IllegalArgumentException("table '" + table.name() + "' has no column '" + name
                        + "' (it has " + table.columnNames() + "); pass the table MethodComparison returns");
            }
        }
    }

    private static List<String> numericColumns(Table table) {
        return table.columns().stream().filter(c -> c instanceof NumericColumn<?>).map(c -> c.name()).toList();
    }
}
