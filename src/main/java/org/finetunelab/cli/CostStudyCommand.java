package org.finetunelab.cli;

import org.finetunelab.experiments.CostStudy;
import org.finetunelab.experiments.MethodComparison;
import org.finetunelab.plot.ComparisonChart;
import org.finetunelab.results.Provenance;
import org.finetunelab.results.ResultsFile;
import org.finetunelab.stats.Spread;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.Table;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "cost", mixinStandardHelpOptions = true,
        description = "What each fine-tuning method costs on the sentiment task: trainable weights, time per step, "
                + "peak memory (each method in a process of its own), optimizer state and saved size, beside the "
                + "accuracy it reaches (read from the method comparison's results file).")
final class CostStudyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Mixin
    StudyOptions study;

    @Option(names = "--data", paramLabel = "FILE", defaultValue = "data/datasets/sentiment/reviews.jsonl",
            description = "labelled texts, as for compare (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--methods", paramLabel = "LIST", description = "comma-separated methods, from: probe, prompt, "
            + "ia3, prefix, bitfit, lora, adapters, freeze, full (default: all; probe,lora,full in quick mode)")
    String methods;

    @Option(names = "--steps", description = "training steps per method (default: 30; 3 in quick mode)")
    Integer steps;

    @Option(names = "--quality", paramLabel = "FILE", defaultValue = "docs/results/method-comparison.csv",
            description = "the method comparison's results file to read accuracy from (default: ${DEFAULT-VALUE}); "
                    + "when it does not exist the table has no accuracy")
    Path quality;

    @Override
    public Integer call() throws Exception {
        boolean quick = study.quick();
        int n = steps != null ? OptionCheck.between(steps, 1, 10_000, "--steps", "") : quick ? 3 : 30;
        OptionCheck.existingFile(data, "--data");
        OptionCheck.existingFolder(model.model, "-m/--model");
        study.checkOutputs();
        List<MethodComparison.Method> chosen = methods != null ? MethodComparison.methods(methods)
                : quick ? MethodComparison.methods("probe,lora,full") : MethodComparison.defaultMethods();
        PrintWriter out = spec.commandLine().getOut();
        Provenance provenance = StudyOptions.provenance(spec);
        Map<String, Spread> accuracy = Map.of();
        if (Files.isRegularFile(quality)) {
            accuracy = MethodComparison.accuracies(ResultsFile.read(quality));
            out.println("accuracy from " + quality + " (" + ResultsFile.provenance(quality).get(Provenance.COMMAND) + ")");
        } else {
            out.println("no " + quality + ": the table has no accuracy (write it with ./lab finetune compare --csv "
                    + quality + ")");
        }
        out.printf("cost of %d methods, %d training steps each, each in a process of its own%n",
                chosen.stream().filter(m -> !m.isBaseline()).count(), n);
        out.flush();
        Table table = CostStudy.study(model.model, data, chosen, n, accuracy, (method, index, count) -> {
            out.printf("[%d/%d] %s...%n", index + 1, count, method);
            out.flush();
        });
        out.println(TableText.of(table));
        if (study.csv != null) {
            ResultsFile.write(study.csv, provenance.finish(), table);
            out.println("results written to " + study.csv);
        }
        if (study.chart != null) {
            ChartFile.write(ComparisonChart.bars(table, CostStudy.OVER_PROBE_MIB), study.chart);
            out.println("chart written to " + study.chart);
        }
        out.flush();
        return 0;
    }
}
