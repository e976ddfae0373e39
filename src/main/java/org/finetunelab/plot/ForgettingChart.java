package org.finetunelab.plot;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The forgetting study's figures (see {@code experiments.ForgettingStudy}): the trade-off between what a setting
 * gains on the new domain and what it forgets, and the probe accuracy of each setting over the steps.
 */
public final class ForgettingChart {
    private static final org.knowm.xchart.style.markers.Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.DIAMOND,
            SeriesMarkers.SQUARE, SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN};

    /** Ten distinct colours, one per setting (XChart's default palette repeats pale ones after eight). */
    private static final java.awt.Color[] COLORS = {new java.awt.Color(31, 119, 180), new java.awt.Color(255, 127, 14),
            new java.awt.Color(44, 160, 44), new java.awt.Color(214, 39, 40), new java.awt.Color(148, 103, 189),
            new java.awt.Color(140, 86, 75), new java.awt.Color(227, 119, 194), new java.awt.Color(90, 90, 90),
            new java.awt.Color(188, 189, 34), new java.awt.Color(23, 190, 207)};

    private ForgettingChart() {
    }

    /**
     * One point per setting: in-domain gain (x) against forgetting (y, probe accuracy drop in points), at the means
     * over the seeds, with an error bar of one standard deviation of the drop. Down and to the right is better.
     */
    public static XYChart frontier(Table summary) {
        XYChart chart = new XYChartBuilder().width(760).height(440).title("Forgetting against in-domain gain")
                .xAxisTitle("in-domain gain (held-out review loss fall, nats/token)")
                .yAxisTitle("forgetting (probe accuracy drop, points)").build();
        chart.getStyler().setDefaultSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setMarkerSize(9);
        chart.getStyler().setSeriesColors(COLORS);
        for (int row = 0; row < summary.rowCount(); row++) {
            double gain = summary.doubleColumn("domain gain").get(row);
            double drop = 100 * summary.doubleColumn("probe drop").get(row);
            double std = 100 * summary.doubleColumn("probe drop std").get(row);
            XYSeries s = chart.addSeries(summary.stringColumn("setting").get(row), new double[]{gain}, new double[]{drop},
                    new double[]{std});
            s.setMarker(MARKERS[row % MARKERS.length]);   // shapes as well as colours: ten settings share few hues
        }
        return chart;
    }

    /** Probe accuracy (mean over the seeds) against the step, one line per setting, from the study's curves table. */
    public static XYChart probeOverSteps(Table curves) {
        XYChart chart = new XYChartBuilder().width(760).height(400).title("Knowledge-probe accuracy while fine-tuning")
                .xAxisTitle("step").yAxisTitle("probe accuracy (mean over seeds)").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setSeriesColors(COLORS);
        Map<String, TreeMap<Integer, double[]>> lines = new java.util.LinkedHashMap<>();
        for (int row = 0; row < curves.rowCount(); row++) {
            double[] sum = lines.computeIfAbsent(curves.stringColumn("setting").get(row), k -> new TreeMap<>())
                    .computeIfAbsent(curves.intColumn("step").get(row), k -> new double[2]);
            sum[0] += curves.doubleColumn("probe accuracy").get(row);
            sum[1]++;
        }
        lines.forEach((name, points) -> {
            List<Integer> steps = List.copyOf(points.keySet());
            List<Double> means = points.values().stream().map(s -> s[0] / s[1]).toList();
            chart.addSeries(name, steps, means).setMarker(SeriesMarkers.NONE);
        });
        if (lines.isEmpty()) {
            chart.addSeries("none", new double[]{0}, new double[]{0});
        }
        return chart;
    }
}
