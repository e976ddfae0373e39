package org.finetunelab.plot;

import org.finetunelab.train.StepRecord;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.ArrayList;
import java.util.List;

/**
 * The picture every training run needs: training loss (raw and smoothed) and validation loss against the
 * step. Where the validation curve turns up while the training curve keeps falling, the model has started
 * to memorise its training data: overfitting.
 */
public final class LossChart {
    private LossChart() {
    }

    /** A chart of the given steps; an empty list gives an empty chart with the axes in place. */
    public static XYChart of(String title, List<StepRecord> records) {
        XYChart chart = new XYChartBuilder().width(720).height(360).title(title)
                .xAxisTitle("step").yAxisTitle("loss (nats per token)").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setMarkerSize(5);
        List<Double> steps = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        List<Double> smooth = new ArrayList<>();
        List<Double> valSteps = new ArrayList<>();
        List<Double> val = new ArrayList<>();
        double average = Double.NaN;
        for (StepRecord r : records) {
            steps.add((double) r.step());
            raw.add(r.trainLoss());
            // Exponential moving average: the trend without the batch-to-batch noise.
            average = Double.isNaN(average) ? r.trainLoss() : 0.9 * average + 0.1 * r.trainLoss();
            smooth.add(average);
            if (r.evaluated()) {
                valSteps.add((double) r.step());
                val.add(r.valLoss());
            }
        }
        if (steps.isEmpty()) {
            steps.add(0.0);
            raw.add(Double.NaN);
            smooth.add(Double.NaN);
        }
        XYSeries rawSeries = chart.addSeries("train (each step)", steps, raw);
        rawSeries.setMarker(SeriesMarkers.NONE);
        rawSeries.setLineColor(new java.awt.Color(150, 180, 220));
        XYSeries smoothSeries = chart.addSeries("train (smoothed)", steps, smooth);
        smoothSeries.setMarker(SeriesMarkers.NONE);
        smoothSeries.setLineColor(new java.awt.Color(30, 90, 180));
        if (!val.isEmpty()) {
            XYSeries v = chart.addSeries("validation", valSteps, val);
            v.setMarker(SeriesMarkers.CIRCLE);
            v.setLineColor(new java.awt.Color(220, 90, 30));
            v.setMarkerColor(new java.awt.Color(220, 90, 30));
        }
        return chart;
    }

    /**
     * The same chart with one more figure on an axis of its own (right), e.g. a study's train-set loss or held-out
     * accuracy, measured at {@code steps}.
     */
    public static XYChart of(String title, List<StepRecord> records, String figure, List<Double> steps, List<Double> values) {
        XYChart chart = of(title, records);
        chart.setYAxisGroupTitle(1, figure);
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        XYSeries s = chart.addSeries(figure + " (right)", steps.isEmpty() ? List.of(0.0) : steps,
                values.isEmpty() ? List.of(Double.NaN) : values);
        s.setYAxisGroup(1);
        s.setMarker(SeriesMarkers.DIAMOND);
        s.setLineColor(new java.awt.Color(60, 150, 70));
        s.setMarkerColor(new java.awt.Color(60, 150, 70));
        return chart;
    }
}
