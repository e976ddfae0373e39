package org.finetunelab.cli;

import org.finetunelab.experiments.MethodComparison;
import org.finetunelab.experiments.OverfittingStudy;
import org.finetunelab.experiments.ReviewClassifier;
import org.finetunelab.plot.OverfittingChart;
import org.finetunelab.results.Provenance;
import org.finetunelab.results.ReadmeResults;
import org.finetunelab.results.ResultsFile;
import org.finetunelab.text.LabelledTexts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.Table;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "overfitting", mixinStandardHelpOptions = true,
        description = "Full fine-tuning and LoRA of the review classifier on 16, 64, 256 and all training reviews: "
                + "train and validation loss, the gap at the end, where early stopping stops, and dropout as a "
                + "regulariser, over several seeds.")
final class OverfittingStudyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Mixin
    StudyOptions study;

    @Option(names = "--data", paramLabel = "FILE", defaultValue = "data/datasets/sentiment/reviews.jsonl",
            description = "labelled texts, JSON Lines with text, label and split (train/test) (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--steps", description = "training steps per run (default: 60; 8 in quick mode)")
    Long steps;

    @Option(names = "--sizes", paramLabel = "LIST", split = ",",
            description = "training-set sizes, e.g. 16,64,256,all (default: 16,64,256,all; 16,64 in quick mode)")
    List<String> sizes;

    @Override
    public Integer call() throws Exception {
        OverfittingStudy.Settings settings = study.quick() ? OverfittingStudy.Settings.quick() : OverfittingStudy.Settings.defaults();
        if (steps != null) {
            settings = settings.withSteps(OptionCheck.atLeast(steps, 2, "--steps"));
        }
        if (sizes != null) {
            settings = settings.withSizes(SizeList.parse(sizes, "--sizes"));
        }
        OptionCheck.existingFile(data, "--data");
        study.checkOutputs();
        long[] seedList = study.seedList();
        PrintWriter out = spec.commandLine().getOut();
        Provenance provenance = StudyOptions.provenance(spec);
        LabelledTexts reviews = LabelledTexts.load(data);
        out.println(reviews);
        out.printf("overfitting from %s: %d steps of %d reviews per run, sizes %s, seeds %s%n", model.model,
                settings.training().steps(), settings.training().batchSize(), SizeList.text(settings.sizes()),
                Arrays.toString(seedList));
        out.flush();
        List<OverfittingStudy.Run> runs = OverfittingStudy.study(model.model, reviews, settings, seedList,
                (setting, seed, index, count, live) -> List.of(new ProgressBarListener(
                        String.format("%d/%d %s, seed %d", index + 1, count, setting, seed))));
        Table summary = OverfittingStudy.summary(runs, settings.patience());
        out.println(TableText.of(summary));
        out.println("Early stopping: patience " + settings.patience() + " evaluations, best weights restored.");
        out.println(OverfittingStudy.verdict(summary));
        if (study.csv != null) {
            Provenance finished = provenance.finish()
                    .with(ReadmeResults.HELD_OUT_EXAMPLES, Integer.toString(reviews.test().size()));
            ResultsFile.write(study.csv, finished, summary);
            out.println("results written to " + study.csv);
        }
        if (study.chart != null) {
            List<MethodComparison.Method> methods = MethodComparison.methods(settings.methods());
            for (int i = 0; i < methods.size(); i++) {
                Path file = i == 0 ? study.chart : study.chartSibling(methods.get(i).name());
                ChartFile.write(OverfittingChart.curves(runs, methods.get(i).name()), file);
                out.println("chart written to " + file);
            }
        }
        out.flush();
        return 0;
    }
}
