package org.finetunelab.plot;

import org.finetunelab.experiments.OverfittingStudy;
import org.finetunelab.stats.Spread;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The overfitting study's curves for one method: for each training-set size the validation loss (solid) and the
 * train-set loss (dashed, same colour) at every evaluation, the mean over the seeds with an error bar of one
 * standard deviation. Where the dashed line keeps falling and the solid one does not, the model is learning its
 * training reviews rather than the task; the vertical distance at the end is the generalisation gap.
 */
public final class OverfittingChart {
    private static final Color[] COLOURS = {new Color(200, 60, 40), new Color(230, 150, 30), new Color(60, 150, 70),
            new Color(40, 90, 180), new Color(130, 70, 160), new Color(90, 90, 90)};

    private OverfittingChart() {
    }

    /** Train and validation curves of every setting of {@code method} (dropout included) in one chart. */
    public static XYChart curves(List<OverfittingStudy.Run> runs, String method) {
        XYChart chart = new XYChartBuilder().width(760).height(440)
                .title("Overfitting, " + method + ": validation (solid) and training (dashed) loss")
                .xAxisTitle("step").yAxisTitle("loss (nats per review)").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        chart.getStyler().setMarkerSize(5);
        int colour = 0;
        for (Map.Entry<String, List<OverfittingStudy.Run>> e : OverfittingStudy.bySetting(runs).entrySet()) {
            if (!e.getValue().get(0).method().equals(method)) {
                continue;
            }
            List<OverfittingStudy.Run> seeds = e.getValue();
            Color c = COLOURS[colour++ % COLOURS.length];
            String label = e.getKey().substring(method.length() + 2);
            double[] steps = seeds.get(0).result().evaluatedSteps().stream().mapToDouble(s -> s + 1).toArray();
            add(chart, label + ", validation", steps, seeds, true, c);
            add(chart, label + ", train", steps, seeds, false, c);
        }
        if (colour == 0) {
            chart.addSeries("no runs of " + method, new double[]{0}, new double[]{Double.NaN});
        }
        return chart;
    }

    private static void add(XYChart chart, String name, double[] steps, List<OverfittingStudy.Run> seeds,
                            boolean validation, Color colour) {
        double[] mean = new double[steps.length];
        double[] std = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            final int at = i;
            Spread s = Spread.of(seeds.stream().mapToDouble(r -> (validation ? r.result().valLosses()
                    : r.result().tracked()).get(at)).toArray());
            mean[i] = s.mean();
            std[i] = s.std();
        }
        XYSeries series = chart.addSeries(name, steps, mean, std);
        series.setLineColor(colour);
        series.setMarkerColor(colour);
        series.setMarker(validation ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        series.setLineStyle(validation ? SeriesLines.SOLID : SeriesLines.DASH_DASH);
    }
}
