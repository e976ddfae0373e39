package org.finetunelab.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.finetunelab.train.StepRecord;
import org.finetunelab.train.TrainingListener;
import org.finetunelab.train.TrainingResult;

import java.nio.file.Path;

/** A terminal progress bar for training: steps done, time left, current loss and speed. */
final class ProgressBarListener implements TrainingListener {
    private final String task;
    private ProgressBar bar;
    private double lastVal = Double.NaN;

    ProgressBarListener(String task) {
        this.task = task;
    }

    @Override
    public void onStart(long firstStep, long totalSteps) {
        bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(totalSteps).startsFrom(firstStep, java.time.Duration.ZERO)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).continuousUpdate().build();
    }

    @Override
    public void onStep(StepRecord r) {
        if (r.evaluated()) {
            lastVal = r.valLoss();
        }
        bar.stepTo(r.step() + 1);
        bar.setExtraMessage(String.format(" loss %.3f%s  %,.0f tok/s", r.trainLoss(),
                Double.isNaN(lastVal) ? "" : String.format("  val %.3f", lastVal), r.tokensPerSecond()));
    }

    @Override
    public void onCheckpoint(long step, Path folder) {
        // The bar line shows progress; checkpoints are frequent and silent.
    }

    @Override
    public void onEnd(TrainingResult result) {
        if (bar != null) {
            bar.close();
        }
    }
}
