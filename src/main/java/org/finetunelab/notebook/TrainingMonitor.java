package org.finetunelab.notebook;

import org.finetunelab.plot.LossChart;
import org.finetunelab.plot.MetricChart;
import org.finetunelab.train.StepRecord;
import org.finetunelab.train.TrainingListener;
import org.finetunelab.train.TrainingResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * Shows a training run live in a notebook: a progress bar with the latest loss, and a loss chart redrawn
 * every few steps. Add it to a trainer with {@code trainer.addListener(Notebook.monitor("LoRA"))}. Other numbers
 * the run tracks get a second chart: {@code Notebook.monitor("DPO").alsoPlot("margin", dpo::lastMargin)}.
 */
public final class TrainingMonitor implements TrainingListener {
    private final String title;
    private final int redrawEvery;
    private final List<StepRecord> records = new ArrayList<>();
    private final Map<String, DoubleSupplier> metrics = new LinkedHashMap<>();
    private final Map<String, List<Double>> metricValues = new LinkedHashMap<>();
    private final List<Double> metricSteps = new ArrayList<>();
    private ProgressView progress;
    private LiveView chart;
    private LiveView metricChart;
    private long totalSteps;

    TrainingMonitor(String title, int redrawEvery) {
        this.title = title;
        this.redrawEvery = Math.max(1, redrawEvery);
    }

    /** Also records {@code metric} after every step and draws it in a second chart; call before training starts. */
    public TrainingMonitor alsoPlot(String name, DoubleSupplier metric) {
        metrics.put(name, metric);
        metricValues.put(name, new ArrayList<>());
        return this;
    }

    @Override
    public void onStart(long firstStep, long totalSteps) {
        this.totalSteps = totalSteps;
        progress = Notebook.progress(title, (int) totalSteps);
        progress.update((int) firstStep, firstStep == 0 ? "starting" : "resumed at step " + firstStep);
        chart = Notebook.live(Notebook.chart(LossChart.of(title, records)));
        if (!metrics.isEmpty()) {
            metricChart = Notebook.live(Notebook.chart(MetricChart.of(title, metricSteps, metricValues)));
        }
    }

    @Override
    public void onStep(StepRecord r) {
        records.add(r);
        metricSteps.add((double) r.step());
        metrics.forEach((name, metric) -> metricValues.get(name).add(metric.getAsDouble()));
        progress.update((int) r.step() + 1, String.format("loss %.3f%s  %,.0f tokens/s", r.trainLoss(),
                r.evaluated() ? String.format("  validation %.3f", r.valLoss()) : "", r.tokensPerSecond()));
        if (r.evaluated() || (r.step() + 1) % redrawEvery == 0 || r.step() + 1 == totalSteps) {
            redraw();
        }
    }

    private void redraw() {
        chart.update(Notebook.chart(LossChart.of(title, records)));
        if (metricChart != null) {
            metricChart.update(Notebook.chart(MetricChart.of(title, metricSteps, metricValues)));
        }
    }

    @Override
    public void onEnd(TrainingResult result) {
        redraw();
        progress.finish(String.format("%s after %d steps in %.0f s, final loss %.3f%s", result.stopReason(),
                result.stepsDone(), result.seconds(), result.finalTrainLoss(),
                Double.isNaN(result.bestValLoss()) ? "" : String.format(", best validation %.3f", result.bestValLoss())));
    }
}
