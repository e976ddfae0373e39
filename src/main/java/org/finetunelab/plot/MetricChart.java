package org.finetunelab.plot;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.List;
import java.util.Map;

/**
 * Numbers a training run tracks besides its loss (DPO's reward margin and pairwise accuracy, a probe's accuracy),
 * each smoothed over the last steps, against the step.
 */
public final class MetricChart {
    private MetricChart() {
    }

    /** One line per metric; {@code values} hold one number per step in {@code steps}. */
    public static XYChart of(String title, List<Double> steps, Map<String, List<Double>> values) {
        XYChart chart = new XYChartBuilder().width(720).height(300).title(title).xAxisTitle("step").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        int[] group = {0};
        values.forEach((name, v) -> {
            // Each metric on an axis of its own (the first left, the next right): a margin of 10 and an accuracy
            // of 0.9 cannot share one scale.
            int axis = Math.min(group[0]++, 1);
            chart.setYAxisGroupTitle(axis, name);
            if (axis == 1) {
                chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
            }
            List<Double> x = steps.isEmpty() ? List.of(0.0) : steps;
            // Each step's value, thin, and its trend: a short run's smoothed line lags behind the last steps.
            XYSeries raw = chart.addSeries(name + " (each step)", x, steps.isEmpty() ? List.of(Double.NaN) : v);
            raw.setMarker(SeriesMarkers.NONE);
            raw.setLineWidth(0.8f);
            raw.setYAxisGroup(axis);
            XYSeries series = chart.addSeries(name + " (smoothed)", x, steps.isEmpty() ? List.of(Double.NaN) : smoothed(v));
            series.setMarker(SeriesMarkers.NONE);
            series.setYAxisGroup(axis);
        });
        return chart;
    }

    /** Exponential moving average, as the loss chart's: the trend without the batch-to-batch noise. */
    private static List<Double> smoothed(List<Double> v) {
        double[] out = new double[v.size()];
        double average = Double.NaN;
        for (int i = 0; i < out.length; i++) {
            average = Double.isNaN(average) ? v.get(i) : 0.9 * average + 0.1 * v.get(i);
            out[i] = average;
        }
        return java.util.Arrays.stream(out).boxed().toList();
    }
}
