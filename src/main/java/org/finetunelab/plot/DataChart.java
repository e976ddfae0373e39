package org.finetunelab.plot;

import static org.finetunelab.results.ResultsFile.number;

import org.finetunelab.experiments.DataStudy;
import org.finetunelab.stats.Spread;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data study's pictures, from its {@link DataStudy#summary} table (or the results file): held-out accuracy
 * against the number of training reviews (log scale), one line per method with error bars of one standard
 * deviation over the seeds; and the accuracy with clean and with partly wrong labels, as bars.
 */
public final class DataChart {
    private DataChart() {
    }

    /** Accuracy against training-set size, one line per method (clean labels only). */
    public static XYChart examples(Table summary) {
        XYChart chart = new XYChartBuilder().width(720).height(420).title("Held-out accuracy against training reviews")
                .xAxisTitle("training reviews (log scale)").yAxisTitle("held-out accuracy").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        chart.getStyler().setYAxisMin(0.4);
        chart.getStyler().setYAxisMax(1.0);
        Map<String, List<double[]>> byMethod = new LinkedHashMap<>();   // method -> (examples, mean, std)
        for (int r = 0; r < summary.rowCount(); r++) {
            if (number(summary, DataStudy.CORRUPTED, r) == 0) {
                byMethod.computeIfAbsent(summary.stringColumn(DataStudy.METHOD).get(r), k -> new ArrayList<>())
                        .add(new double[]{number(summary, DataStudy.EXAMPLES, r), number(summary, DataStudy.ACCURACY, r),
                                number(summary, DataStudy.ACCURACY_STD, r)});
            }
        }
        byMethod.forEach((method, points) -> {
            XYSeries s = chart.addSeries(method, points.stream().mapToDouble(p -> p[0]).toArray(),
                    points.stream().mapToDouble(p -> p[1]).toArray(), points.stream().mapToDouble(p -> p[2]).toArray());
            s.setMarker(SeriesMarkers.CIRCLE);
        });
        if (byMethod.isEmpty()) {
            chart.addSeries("no runs", new double[]{1}, new double[]{Double.NaN});
        }
        return chart;
    }

    /** Accuracy of every method that also ran with wrong labels: on all reviews with clean labels, then each share wrong. */
    public static CategoryChart wrongLabels(Table summary) {
        Map<String, Spread> all = DataStudy.accuracies(summary);
        Map<String, List<String>> byMethod = new LinkedHashMap<>();   // method -> its clean row, then its noisy rows
        for (int r = 0; r < summary.rowCount(); r++) {
            if (number(summary, DataStudy.CORRUPTED, r) > 0) {
                String method = summary.stringColumn(DataStudy.METHOD).get(r);
                String clean = new DataStudy.Run(method, (int) number(summary, DataStudy.EXAMPLES, r), 0, 0, null).setting();
                List<String> rows = byMethod.computeIfAbsent(method, k -> new ArrayList<>());
                if (rows.isEmpty() && all.containsKey(clean)) {
                    rows.add(clean);
                }
                rows.add(summary.stringColumn(DataStudy.SETTING).get(r));
            }
        }
        Map<String, Spread> shown = new LinkedHashMap<>();
        byMethod.values().forEach(rows -> rows.forEach(name -> shown.put(name, all.get(name))));
        return SpreadChart.bars("Held-out accuracy with wrong training labels", "held-out accuracy", shown);
    }

}
