package org.finetunelab.notebook;

import org.finetunelab.plot.LossChart;
import org.finetunelab.train.StepRecord;
import org.finetunelab.train.TrainingListener;
import org.finetunelab.train.TrainingResult;

import java.util.ArrayList;
import java.util.List;

/**
 * Shows a training run live in a notebook: a progress bar with the latest loss, and a loss chart redrawn
 * every few steps. Add it to a trainer with {@code trainer.addListener(Notebook.monitor("LoRA"))}.
 */
public final class TrainingMonitor implements TrainingListener {
    private final String title;
    private final int redrawEvery;
    private final List<StepRecord> records = new ArrayList<>();
    private ProgressView progress;
    private LiveView chart;
    private long totalSteps;

    TrainingMonitor(String title, int redrawEvery) {
        this.title = title;
        this.redrawEvery = Math.max(1, redrawEvery);
    }

    @Override
    public void onStart(long firstStep, long totalSteps) {
        this.totalSteps = totalSteps;
        progress = Notebook.progress(title, (int) totalSteps);
        progress.update((int) firstStep, firstStep == 0 ? "starting" : "resumed at step " + firstStep);
        chart = Notebook.live(Notebook.chart(LossChart.of(title, records)));
    }

    @Override
    public void onStep(StepRecord r) {
        records.add(r);
        progress.update((int) r.step() + 1, String.format("loss %.3f%s  %,.0f tokens/s", r.trainLoss(),
                r.evaluated() ? String.format("  validation %.3f", r.valLoss()) : "", r.tokensPerSecond()));
        if (r.evaluated() || (r.step() + 1) % redrawEvery == 0 || r.step() + 1 == totalSteps) {
            chart.update(Notebook.chart(LossChart.of(title, records)));
        }
    }

    @Override
    public void onEnd(TrainingResult result) {
        chart.update(Notebook.chart(LossChart.of(title, records)));
        progress.finish(String.format("%s after %d steps in %.0f s, final loss %.3f%s", result.stopReason(),
                result.stepsDone(), result.seconds(), result.finalTrainLoss(),
                Double.isNaN(result.bestValLoss()) ? "" : String.format(", best validation %.3f", result.bestValLoss())));
    }
}
