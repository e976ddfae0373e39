package org.finetunelab.plot;

import org.finetunelab.stats.Spread;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A bar per named figure at its mean over the seeds, with an error bar of one standard deviation: the picture of
 * any study that ran several seeds. Bars whose error bars overlap are not told apart by this run.
 */
public final class SpreadChart {
    private SpreadChart() {
    }

    /** One bar with an error bar per entry, in the map's order. */
    public static CategoryChart bars(String title, String yAxisTitle, Map<String, Spread> figures) {
        CategoryChart chart = new CategoryChartBuilder().width(760).height(380).title(title)
                .xAxisTitle("").yAxisTitle(yAxisTitle).build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(30);
        chart.getStyler().setErrorBarsColorSeriesColor(false);
        List<String> names = new ArrayList<>(figures.keySet());
        List<Double> means = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        figures.values().forEach(s -> {
            means.add(s.mean());
            errors.add(s.std());
        });
        if (names.isEmpty()) {
            names.add("none");
            means.add(0.0);
            errors.add(0.0);
        }
        chart.addSeries(yAxisTitle, names, means, errors);
        return chart;
    }
}
