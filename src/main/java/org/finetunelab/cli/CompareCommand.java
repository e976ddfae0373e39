package org.finetunelab.cli;

import org.finetunelab.experiments.MethodComparison;
import org.finetunelab.plot.ComparisonChart;
import org.finetunelab.results.Provenance;
import org.finetunelab.results.ReadmeResults;
import org.finetunelab.results.ResultsFile;
import org.finetunelab.stats.HeldOut;
import org.finetunelab.stats.Seeds;
import org.finetunelab.text.LabelledTexts;
import org.finetunelab.train.TrainingListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.Table;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Fine-tune the model with every method on a labelled dataset and compare cost and accuracy,"
                + " over several seeds (mean and spread per figure), beside a bag-of-words baseline.",
                "With --csv the summary is written as a results file (command, date, code version, machine and load"
                + " in its header) and every run next to it (NAME-runs.csv)."})
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Option(names = "--data", paramLabel = "FILE", defaultValue = "data/datasets/sentiment/reviews.jsonl",
            description = "labelled texts, JSON Lines with text, label and split (train/test) (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--methods", paramLabel = "LIST", description = "comma-separated methods to compare, from: "
            + "bag-of-words, probe, prompt, ia3, prefix, bitfit, lora, adapters, freeze, full (default: all)")
    String methods;

    @Option(names = "--steps", description = "training steps per method (default: 150)")
    Long steps;

    @Option(names = "--batch-size", description = "texts per step (default: 16)")
    Integer batchSize;

    @Option(names = "--seeds", paramLabel = "N", description = "runs per method, each with its own seed (default: 3; 1 with FINETUNE_QUICK=1)")
    Integer seeds;

    @Option(names = "--seed", description = "the first seed; run i uses seed + i (default: 42)")
    Long seed;

    @Option(names = "--csv", paramLabel = "FILE", description = "also write the summary as a results file, and every run to FILE-runs.csv")
    Path csv;

    @Option(names = "--chart", paramLabel = "FILE", description = "also draw accuracy (with error bars) against trainable share as a PNG")
    Path chart;

    @Override
    public Integer call() throws Exception {
        if (steps != null) {
            OptionCheck.atLeast(steps, 1, "--steps");
        }
        if (batchSize != null) {
            OptionCheck.atLeast(batchSize, 1, "--batch-size");
        }
        if (seeds != null) {
            OptionCheck.between(seeds, 1, 100, "--seeds", "runs per method");
        }
        OptionCheck.existingFile(data, "--data");
        OptionCheck.notAFolder(csv, "--csv");
        OptionCheck.notAFolder(chart, "--chart");
        PrintWriter out = spec.commandLine().getOut();
        List<MethodComparison.Method> chosen = methods == null ? MethodComparison.defaultMethods()
                : MethodComparison.methods(methods);
        MethodComparison.Settings settings = MethodComparison.Settings.defaults();
        if (steps != null) {
            settings = settings.withSteps(steps);
        }
        if (batchSize != null) {
            settings = settings.withBatchSize(batchSize);
        }
        if (seed != null) {
            settings = settings.withSeed(seed);
        }
        int runs = seeds != null ? seeds : Seeds.defaultCount();
        long[] seedList = Seeds.of(runs, settings.seed());
        Provenance provenance = Provenance.start("./lab finetune " + String.join(" ",
                spec.commandLine().getParseResult().originalArgs()));
        LabelledTexts texts = LabelledTexts.load(data);
        out.println(texts);
        out.printf("model %s; %d steps of %d texts per method; seeds %s%n", model.model, settings.steps(),
                settings.batchSize(), java.util.Arrays.toString(seedList));
        out.flush();
        MethodComparison comparison = new MethodComparison(model.model, texts, settings);
        List<MethodComparison.Result> results = comparison.runSeeds(chosen, seedList, new MethodComparison.Progress() {
            @Override
            public TrainingListener onMethodStart(MethodComparison.Method method, long seed, int index, int count) {
                return method.isBaseline() ? null
                        : new ProgressBarListener(String.format("%d/%d %-8s seed %d", index + 1, count, method.name(), seed));
            }
        });
        Table table = MethodComparison.summary(results);
        out.println(TableText.of(table));
        out.println("Sampling error: " + HeldOut.describe(comparison.heldOutCount()) + ".");
        out.println(MethodComparison.verdict(table, comparison.heldOutCount()));
        if (csv != null) {
            Provenance finished = provenance.finish()
                    .with(ReadmeResults.HELD_OUT_EXAMPLES, Integer.toString(comparison.heldOutCount()));
            ResultsFile.write(csv, finished, table);
            Path runsFile = csv.resolveSibling(csv.getFileName().toString().replaceFirst("\\.csv$", "") + "-runs.csv");
            ResultsFile.write(runsFile, finished, MethodComparison.table(results));
            out.println("results written to " + csv + " and " + runsFile);
        }
        if (chart != null) {
            ChartFile.write(ComparisonChart.of(table), chart);
            out.println("chart written to " + chart);
        }
        out.flush();
        return 0;
    }
}
