package org.finetunelab.cli;

import org.finetunelab.experiments.ForgettingStudy;
import org.finetunelab.plot.ForgettingChart;
import org.finetunelab.results.Provenance;
import org.finetunelab.results.ReadmeResults;
import org.finetunelab.results.ResultsFile;
import org.finetunelab.stats.HeldOut;
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

@Command(name = "forgetting", mixinStandardHelpOptions = true,
        description = "Fine-tune on product reviews and measure, every few steps, knowledge-probe accuracy and general "
                + "perplexity: full fine-tuning, its cures (lower learning rate, gradual unfreezing, EWC, replay) and "
                + "LoRA, adapters and prompt tuning, over several seeds.")
final class ForgettingStudyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Mixin
    StudyOptions study;

    @Option(names = "--steps", description = "fine-tuning steps per run (default: 60; 6 in quick mode)")
    Integer steps;

    @Option(names = "--eval-every", paramLabel = "N", description = "measure forgetting every N steps (default: 15; 3 in quick mode)")
    Integer evalEvery;

    @Option(names = "--probe-facts", paramLabel = "N", description = "facts in the knowledge probe, a fixed seeded subset; 0 = all (default: 64; 16 in quick mode)")
    Integer probeFacts;

    @Option(names = "--lambdas", split = ",", paramLabel = "λ", description = "EWC strengths to sweep (default: 1000,10000,100000)")
    List<Float> lambdas;

    @Option(names = "--corpus", paramLabel = "DIR", description = "the pretraining corpus (train.txt, valid.txt); built there "
            + "when missing (default: $FINETUNE_CACHE/corpus or ~/.cache/finetune-lab/corpus)")
    Path corpus;

    @Override
    public Integer call() throws Exception {
        boolean quick = study.quick();
        List<Float> sweep = lambdas != null ? lambdas : ForgettingStudy.LAMBDAS;
        sweep.forEach(l -> OptionCheck.between(l, 1e-9f, 1e12f, "--lambdas", " (EWC's λ; λ = 0 is the row 'full')"));
        study.checkOutputs();
        Path folder = corpus != null ? corpus : ForgettingStudy.defaultCorpusFolder();
        ForgettingStudy.Settings settings = quick ? ForgettingStudy.Settings.quick(folder) : ForgettingStudy.Settings.defaults(folder);
        if (steps != null) {
            settings = settings.withSteps(OptionCheck.between(steps, 1, 100_000, "--steps", ""));
        }
        if (evalEvery != null) {
            settings = settings.withEvalEvery(OptionCheck.between(evalEvery, 1, settings.steps(), "--eval-every", " (the steps per run)"));
        }
        if (probeFacts != null) {
            settings = settings.withProbeFacts(OptionCheck.between(probeFacts, 0, 100_000, "--probe-facts", ""));
        }
        if (corpus != null) {
            OptionCheck.existingFolder(corpus, "--corpus");
            OptionCheck.existingFile(corpus.resolve("train.txt"), "--corpus");
            OptionCheck.existingFile(corpus.resolve("valid.txt"), "--corpus");
        }
        long[] seedList = study.seedList();
        PrintWriter out = spec.commandLine().getOut();
        Provenance provenance = StudyOptions.provenance(spec);
        if (corpus == null) {
            out.println("held-out general text: " + folder + " (built there the first time, about half a minute)");
            out.flush();
            ForgettingStudy.corpus(folder);
        }
        out.printf("forgetting from %s: %d steps per run, measured every %d, seeds %s%n", model.model, settings.steps(),
                settings.evalEvery(), Arrays.toString(seedList));
        out.flush();
        ForgettingStudy.Result result = ForgettingStudy.study(model.model, settings, ForgettingStudy.settings(sweep),
                seedList, (setting, seed, probe) -> {
                    out.printf("%s (seed %d)...%n", setting.name(), seed);
                    out.flush();
                    return List.of(new ProgressBarListener(setting.name()));
                });
        Table summary = ForgettingStudy.summary(result);
        Table verdicts = ForgettingStudy.againstFull(result);
        out.printf("base model: probe %.1f%% of %d facts, general perplexity %.2f, review loss %.3f%n",
                100 * result.base().probeAccuracy(), result.probeFacts(), result.base().perplexity(), result.base().domainLoss());
        out.println(TableText.of(summary));
        out.println(TableText.of(verdicts));
        ForgettingStudy.findings(result).forEach(out::println);
        out.println("Sampling error of the probe: " + HeldOut.describe(result.probeFacts()) + ".");
        if (study.csv != null) {
            Provenance finished = provenance.finish().with(ReadmeResults.HELD_OUT_EXAMPLES, Integer.toString(result.probeFacts()))
                    .with(ReadmeResults.BASE_PROBE_ACCURACY, Double.toString(result.base().probeAccuracy()));
            ResultsFile.write(study.csv, finished, summary);
            Path curves = study.csvSibling("curves");
            ResultsFile.write(curves, finished, ForgettingStudy.curves(result));
            out.println("results written to " + study.csv + " and " + curves);
        }
        if (study.chart != null) {
            ChartFile.write(ForgettingChart.frontier(summary), study.chart);
            Path steps = study.chart.resolveSibling(study.chart.getFileName().toString().replaceFirst("\\.png$", "") + "-steps.png");
            ChartFile.write(ForgettingChart.probeOverSteps(ForgettingStudy.curves(result)), steps);
            out.println("charts written to " + study.chart + " and " + steps);
        }
        out.flush();
        return 0;
    }
}
