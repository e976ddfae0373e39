package org.finetunelab.cli;

import org.finetunelab.experiments.MethodComparison;
import org.finetunelab.plot.ComparisonChart;
import org.finetunelab.text.LabelledTexts;
import org.finetunelab.train.TrainingListener;
import org.knowm.xchart.BitmapEncoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.Table;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Fine-tune the model with every method on a labelled dataset and compare cost and accuracy.")
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Option(names = "--data", paramLabel = "FILE", defaultValue = "data/datasets/sentiment/reviews.jsonl",
            description = "labelled texts, JSON Lines with text, label and split (train/test) (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--methods", paramLabel = "LIST", description = "comma-separated methods to compare, from: "
            + "probe, prompt, ia3, prefix, bitfit, lora, adapters, freeze, full (default: all)")
    String methods;

    @Option(names = "--steps", description = "training steps per method (default: 150)")
    Long steps;

    @Option(names = "--batch-size", description = "texts per step (default: 16)")
    Integer batchSize;

    @Option(names = "--seed", description = "seed of the batch order (default: 42)")
    Long seed;

    @Option(names = "--csv", paramLabel = "FILE", description = "also write the table as CSV")
    Path csv;

    @Option(names = "--chart", paramLabel = "FILE", description = "also draw accuracy against trainable share as a PNG")
    Path chart;

    @Override
    public Integer call() throws Exception {
        if (steps != null) {
            OptionCheck.atLeast(steps, 1, "--steps");
        }
        if (batchSize != null) {
            OptionCheck.atLeast(batchSize, 1, "--batch-size");
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
        LabelledTexts texts = LabelledTexts.load(data);
        out.println(texts);
        out.printf("model %s; %d steps of %d texts per method%n", model.model, settings.steps(), settings.batchSize());
        out.flush();
        Table table = new MethodComparison(model.model, texts, settings).run(chosen, new MethodComparison.Progress() {
            @Override
            public TrainingListener onMethodStart(MethodComparison.Method method, int index, int count) {
                return new ProgressBarListener(String.format("%d/%d %-8s", index + 1, count, method.name()));
            }
        });
        out.println(TableText.of(table));
        if (csv != null) {
            createParent(csv);
            table.write().csv(csv.toString());
            out.println("table written to " + csv);
        }
        if (chart != null) {
            createParent(chart);
            try (OutputStream png = Files.newOutputStream(chart)) {
                BitmapEncoder.saveBitmap(ComparisonChart.of(table), png, BitmapEncoder.BitmapFormat.PNG);
            }
            out.println("chart written to " + chart);
        }
        out.flush();
        return 0;
    }

    private static void createParent(Path file) throws java.io.IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
