package org.finetunelab.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.finetunelab.train.StepRecord;
import org.finetunelab.train.TrainingListener;
import org.finetunelab.train.TrainingResult;

import java.nio.file.Path;

/**
 * A terminal progress bar for training: steps done, time left, current loss and speed. When the output is not a
 * terminal (a log file, a pipe) a redrawn bar would fill it with thousands of lines, so then it prints one plain line
 * per tenth of the run instead.
 */
final class ProgressBarListener implements TrainingListener {
    private final String task;
    private final boolean terminal;
    private ProgressBar bar;
    private double lastVal = Double.NaN;
    private long totalSteps;
    private long startNanos;
    private long nextLine;

    ProgressBarListener(String task) {
        this(task, System.console() != null);
    }

    ProgressBarListener(String task, boolean terminal) {
        this.task = task;
        this.terminal = terminal;
    }

    @Override
    public void onStart(long firstStep, long totalSteps) {
        this.totalSteps = totalSteps;
        if (!terminal) {
            startNanos = System.nanoTime();
            nextLine = firstStep + tenth();
            return;
        }
        bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(totalSteps).startsFrom(firstStep, java.time.Duration.ZERO)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).continuousUpdate().build();
    }

    @Override
    public void onStep(StepRecord r) {
        if (r.evaluated()) {
            lastVal = r.valLoss();
        }
        String figures = String.format(" loss %.3f%s  %,.0f tok/s", r.trainLoss(),
                Double.isNaN(lastVal) ? "" : String.format("  val %.3f", lastVal), r.tokensPerSecond());
        if (terminal) {
            bar.stepTo(r.step() + 1);
            bar.setExtraMessage(figures);
        } else if (r.step() + 1 >= nextLine || r.step() + 1 == totalSteps) {
            nextLine = r.step() + 1 + tenth();
            System.out.println(line(r.step() + 1, (System.nanoTime() - startNanos) / 1e9) + figures);
        }
    }

    private long tenth() {
        return Math.max(1, totalSteps / 10);
    }

    /** {@code task  30% 360/1200 (0:01:05 so far, about 0:02:31 left)} */
    String line(long done, double seconds) {
        double left = done == 0 ? Double.NaN : seconds * (totalSteps - done) / done;
        return String.format("%s %3d%% %d/%d (%s so far, about %s left)", task, 100 * done / Math.max(1, totalSteps), done,
                totalSteps, clock(seconds), clock(left));
    }

    private static String clock(double seconds) {
        if (Double.isNaN(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        return String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
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
