package org.finetunelab.cli;

import org.finetunelab.experiments.DataStudy;
import org.finetunelab.plot.DataChart;
import org.finetunelab.results.Provenance;
import org.finetunelab.results.ReadmeResults;
import org.finetunelab.results.ResultsFile;
import org.finetunelab.stats.HeldOut;
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

@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Held-out accuracy of the review classifier against the number of training reviews (8 to all) "
                + "with prompt tuning, LoRA and full fine-tuning, and LoRA with 10%% and 30%% wrong labels, over several seeds.")
final class DataStudyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Mixin
    StudyOptions study;

    @Option(names = "--data", paramLabel = "FILE", defaultValue = "data/datasets/sentiment/reviews.jsonl",
            description = "labelled texts, JSON Lines with text, label and split (train/test) (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--steps", description = "training steps per run (default: 100; 6 in quick mode)")
    Long steps;

    @Option(names = "--sizes", paramLabel = "LIST", split = ",",
            description = "training-set sizes, e.g. 8,32,128,all (default: 8,64,all; 8,32 in quick mode)")
    List<String> sizes;

    @Override
    public Integer call() throws Exception {
        DataStudy.Settings settings = study.quick() ? DataStudy.Settings.quick() : DataStudy.Settings.defaults();
        if (steps != null) {
            settings = settings.withSteps(OptionCheck.atLeast(steps, 1, "--steps"));
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
        out.printf("data from %s: %d steps of %d reviews per run, sizes %s, wrong labels %s, seeds %s%n", model.model,
                settings.training().steps(), settings.training().batchSize(), SizeList.text(settings.sizes()),
                settings.corrupted(), Arrays.toString(seedList));
        out.flush();
        List<DataStudy.Run> runs = DataStudy.study(model.model, reviews, settings, seedList,
                (setting, seed, index, count, live) -> List.of(new ProgressBarListener(
                        String.format("%d/%d %s, seed %d", index + 1, count, setting, seed))));
        Table summary = DataStudy.summary(runs);
        int heldOut = reviews.test().size();
        out.println(TableText.of(summary));
        out.println("Sampling error: " + HeldOut.describe(heldOut) + ".");
        out.println(DataStudy.verdict(summary, heldOut));
        if (study.csv != null) {
            Provenance finished = provenance.finish().with(ReadmeResults.HELD_OUT_EXAMPLES, Integer.toString(heldOut));
            ResultsFile.write(study.csv, finished, summary);
            out.println("results written to " + study.csv);
        }
        if (study.chart != null) {
            ChartFile.write(DataChart.examples(summary), study.chart);
            Path labels = study.chartSibling("labels");
            ChartFile.write(DataChart.wrongLabels(summary), labels);
            out.println("charts written to " + study.chart + " and " + labels);
        }
        out.flush();
        return 0;
    }
}
