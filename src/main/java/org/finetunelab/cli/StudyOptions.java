package org.finetunelab.cli;

import org.finetunelab.plot.SpreadChart;
import org.finetunelab.results.Provenance;
import org.finetunelab.stats.Seeds;
import org.finetunelab.stats.Spread;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The options every {@code finetune study NAME} shares: how many seeds, quick mode, and where to write the
 * results file and the chart. Quick mode ({@code --quick} or {@code FINETUNE_QUICK=1}) runs the same code on a
 * tiny budget: it checks the mechanics, not the numbers.
 */
final class StudyOptions {
    @Option(names = "--seeds", paramLabel = "N", description = "runs per trained setting (default: 3; 1 in quick mode)")
    Integer seeds;

    @Option(names = "--quick", description = "a tiny run that checks the mechanics in seconds (as FINETUNE_QUICK=1 does)")
    boolean quick;

    @Option(names = "--csv", paramLabel = "FILE", description = "also write the study's table as a results file")
    Path csv;

    @Option(names = "--chart", paramLabel = "FILE", description = "also draw the study's figure as a PNG")
    Path chart;

    boolean quick() {
        return quick || "1".equals(System.getenv("FINETUNE_QUICK"));
    }

    /** The seeds to run, checked; 1 in quick mode unless {@code --seeds} says otherwise. */
    long[] seedList() {
        int runs = seeds != null ? OptionCheck.between(seeds, 1, 100, "--seeds", "")
                : quick() ? 1 : Seeds.defaultCount();
        return Seeds.of(runs, 1);
    }

    /** Refuses output paths that are folders before any work starts, so a long run never ends in that error. */
    void checkOutputs() {
        OptionCheck.notAFolder(csv, "--csv");
        OptionCheck.notAFolder(chart, "--chart");
    }

    /** Where the results come from: the command line as typed, for the results file's header. */
    static Provenance provenance(CommandSpec spec) {
        return Provenance.start("./lab finetune " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
    }

    /** A sibling of the results file: {@code results.csv} with suffix {@code tasks} is {@code results-tasks.csv}. */
    Path csvSibling(String suffix) {
        return csv.resolveSibling(csv.getFileName().toString().replaceFirst("\\.csv$", "") + "-" + suffix + ".csv");
    }

    /** A sibling of the chart: {@code chart.png} with suffix {@code lora} is {@code chart-lora.png}. */
    Path chartSibling(String suffix) {
        return chart.resolveSibling(chart.getFileName().toString().replaceFirst("\\.png$", "") + "-" + suffix + ".png");
    }

    /** Each setting's spread over the seeds, read back from a summary table's columns, for a chart with error bars. */
    static Map<String, Spread> spreads(Table summary, String mean, String std, String min, String max) {
        return spreads(summary, row -> summary.stringColumn("setting").get(row), mean, std, min, max);
    }

    /** The same with each bar named by {@code label} from its row. */
    static Map<String, Spread> spreads(Table summary, IntFunction<String> label, String mean, String std, String min,
                                       String max) {
        Map<String, Spread> bars = new LinkedHashMap<>();
        for (int row = 0; row < summary.rowCount(); row++) {
            bars.put(label.apply(row), new Spread(summary.intColumn("seeds").get(row),
                    summary.doubleColumn(mean).get(row), summary.doubleColumn(std).get(row),
                    summary.doubleColumn(min).get(row), summary.doubleColumn(max).get(row)));
        }
        return bars;
    }

    /** Writes a bar chart with error bars when {@code --chart} was given. */
    void writeBars(java.io.PrintWriter out, String title, String axis, Map<String, Spread> bars) throws java.io.IOException {
        if (chart != null) {
            ChartFile.write(SpreadChart.bars(title, axis, bars), chart);
            out.println("chart written to " + chart);
        }
    }
}
