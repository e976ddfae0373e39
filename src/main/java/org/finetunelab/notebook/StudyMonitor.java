package org.finetunelab.notebook;

import org.finetunelab.experiments.ReviewClassifier;
import org.finetunelab.plot.LossChart;
import org.finetunelab.train.StepRecord;
import org.finetunelab.train.TrainingListener;

import java.util.ArrayList;
import java.util.List;

/**
 * Follows a study of many training runs in a notebook: one progress line for the whole study, with the time left,
 * and one chart, redrawn in place, of the current run's train and validation loss and the study's own figure
 * (right axis). Give it to a study as its progress: {@code OverfittingStudy.study(..., Notebook.studyMonitor("overfitting"))}.
 */
public final class StudyMonitor implements ReviewClassifier.Progress {
    private static final int UNITS_PER_RUN = 100;
    private final String title;
    private final long startNanos = System.nanoTime();
    private ProgressView progress;
    private LiveView chart;

    StudyMonitor(String title) {
        this.title = title;
    }

    @Override
    public List<TrainingListener> onRun(String setting, long seed, int index, int count, ReviewClassifier.Live live) {
        if (progress == null) {
            progress = Notebook.progress(title, count * UNITS_PER_RUN);
            chart = Notebook.live(Notebook.chart(LossChart.of(setting, List.of())));
        }
        String run = String.format("run %d/%d: %s, seed %d", index + 1, count, setting, seed);
        List<StepRecord> records = new ArrayList<>();
        List<Double> steps = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        return List.of(new TrainingListener() {
            private long total = 1;

            @Override
            public void onStart(long firstStep, long totalSteps) {
                total = Math.max(1, totalSteps);
            }

            @Override
            public void onStep(StepRecord r) {
                records.add(r);
                double done = index + (r.step() + 1.0) / total;
                progress.update((int) Math.min(count * UNITS_PER_RUN, done * UNITS_PER_RUN),
                        run + " · step " + (r.step() + 1) + "/" + total + " · " + timeLeft(done / count));
                if (r.evaluated()) {
                    steps.add((double) r.step());
                    values.add(live.getAsDouble());
                    chart.update(Notebook.chart(LossChart.of(run, records, live.label(), steps, values)));
                }
                if (index + 1 == count && r.step() + 1 == total) {
                    progress.finish(count + " runs in " + clock((System.nanoTime() - startNanos) / 1e9));
                }
            }
        });
    }

    private String timeLeft(double fraction) {
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        return fraction <= 0 ? "" : "about " + clock(elapsed * (1 - fraction) / fraction) + " left";
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s / 60 + ":" + String.format("%02d", s % 60);
    }
}
