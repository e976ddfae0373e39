package org.finetunelab.grading;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The class's totals as a bar chart: how many students fall in each tenth of the points (one bar per score when there are
 * fewer than ten). Drawn with XChart directly,
 * since grading sits below the plot package.
 */
final class ScoreHistogram {
    static final int BINS = 10;

    private ScoreHistogram() {
    }

    static CategoryChart chart(ClassGrading.Grades grades) {
        int total = grades.students().isEmpty() ? 0 : grades.students().get(0).total();
        int bins = Math.min(BINS, total + 1);   // with few points, one bar per possible score
        List<String> labels = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            // Bar b holds the scores s with b ≤ s·bins/total < b + 1.
            int low = (int) Math.ceil(total * b / (double) bins);
            int high = b == bins - 1 ? total : (int) Math.ceil(total * (b + 1) / (double) bins) - 1;
            labels.add(low == high ? String.valueOf(low) : low + "–" + high);
            counts.add(0);
        }
        for (GradeReport r : grades.students()) {
            int bin = total == 0 ? 0 : Math.min(bins - 1, (int) Math.floor(r.earned() * bins / (double) total));
            counts.set(bin, counts.get(bin) + 1);
        }
        CategoryChart chart = new CategoryChartBuilder().width(720).height(360)
                .title("Points of " + grades.students().size() + " students (out of " + total + ")")
                .xAxisTitle("points").yAxisTitle("students").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(30);
        chart.addSeries("students", labels, counts);
        return chart;
    }

    static byte[] png(ClassGrading.Grades grades) throws IOException {
        return BitmapEncoder.getBitmapBytes(chart(grades), BitmapEncoder.BitmapFormat.PNG);
    }
}
