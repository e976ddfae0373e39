package org.finetunelab.cli;

import org.finetunelab.experiments.InstructionTuning;
import org.finetunelab.experiments.PreferenceTuning;
import org.finetunelab.plot.SpreadChart;
import org.finetunelab.results.Provenance;
import org.finetunelab.results.ReadmeResults;
import org.finetunelab.results.ResultsFile;
import org.finetunelab.stats.HeldOut;
import org.finetunelab.stats.Seeds;
import org.finetunelab.stats.Spread;
import org.finetunelab.text.instructions.PreferencePair;
import org.finetunelab.text.instructions.TaskExample;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.Table;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "study", mixinStandardHelpOptions = true,
        description = {"Run one of the lab's studies and write its table, results file and chart.",
                "instruct: the base model zero-shot and with three examples in its prompt, then instruction-tuned with",
                "full fine-tuning, LoRA and prompt tuning, all on the held-out instructions, over several seeds.",
                "preferences: from the instruction-tuned model, a reward model and best-of-n (n = 1, 4, 16), then DPO,",
                "judged on the held-out preference prompts, with instruction following before and after DPO."})
final class StudyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Parameters(index = "0", paramLabel = "NAME", description = "which study: instruct or preferences")
    String name;

    @Option(names = "--seeds", paramLabel = "N", description = "runs per trained setting (default: 3; 1 with FINETUNE_QUICK=1)")
    Integer seeds;

    @Option(names = "--steps", description = "instruction-tuning steps per run (default: 600; 40 with FINETUNE_QUICK=1)")
    Long steps;

    @Option(names = "--per-task", description = "held-out examples per task type to answer, 0 = all 20 (default: 0; 3 with FINETUNE_QUICK=1)")
    Integer perTask;

    @Option(names = "--prompts", paramLabel = "N", description = "preferences: held-out prompts to answer (default: all 100; 6 with FINETUNE_QUICK=1)")
    Integer prompts;

    @Option(names = "--pair-steps", paramLabel = "N", description = "preferences: reward-model and DPO steps (default: 150; 10 with FINETUNE_QUICK=1)")
    Long pairSteps;

    @Option(names = "--csv", paramLabel = "FILE", description = "also write the summary as a results file, and accuracy per task to FILE-tasks.csv")
    Path csv;

    @Option(names = "--chart", paramLabel = "FILE", description = "also draw the accuracy of each setting, with error bars, as a PNG")
    Path chart;

    @Override
    public Integer call() throws Exception {
        if (!List.of("instruct", "preferences").contains(name)) {
            throw new IllegalArgumentException("unknown study '" + name + "': the lab has instruct and preferences");
        }
        boolean quick = "1".equals(System.getenv("FINETUNE_QUICK"));
        int runs = seeds != null ? OptionCheck.between(seeds, 1, 100, "--seeds", "") : Seeds.defaultCount();
        long n = steps != null ? OptionCheck.atLeast(steps, 1, "--steps") : quick ? 40 : 600;
        int examples = perTask != null ? OptionCheck.between(perTask, 0, 20, "--per-task", "") : quick ? 3 : 0;
        OptionCheck.notAFolder(csv, "--csv");
        OptionCheck.notAFolder(chart, "--chart");
        PrintWriter out = spec.commandLine().getOut();
        Provenance provenance = Provenance.start("./lab finetune " + String.join(" ",
                spec.commandLine().getParseResult().originalArgs()));
        long[] seedList = Seeds.of(runs, 1);
        List<TaskExample> test = InstructionTuning.Settings.defaults().heldOut(examples);
        if (name.equals("preferences")) {
            return preferences(out, provenance, seedList, n, test, quick);
        }
        out.printf("instruction tuning from %s: %d steps per run, seeds %s, %d held-out examples%n", model.model, n,
                Arrays.toString(seedList), test.size());
        out.flush();
        List<InstructionTuning.Run> results = InstructionTuning.study(model.model, InstructionTuning.Settings.defaults()
                .withSteps(n), List.of(InstructionTuning.Method.values()), seedList, test, (setting, seed) -> {
                    out.printf("%s (seed %d)...%n", setting, seed);
                    out.flush();
                    return setting.startsWith("base") ? List.of() : List.of(new ProgressBarListener(setting));
                });
        Table summary = InstructionTuning.summary(results);
        Table byTask = InstructionTuning.byTask(results);
        out.println(TableText.of(summary));
        out.println(TableText.of(byTask));
        out.println("Sampling error: " + HeldOut.describe(test.size()) + ".");
        if (csv != null) {
            Provenance finished = provenance.finish().with(ReadmeResults.HELD_OUT_EXAMPLES, Integer.toString(test.size()));
            ResultsFile.write(csv, finished, summary);
            Path tasks = csv.resolveSibling(csv.getFileName().toString().replaceFirst("\\.csv$", "") + "-tasks.csv");
            ResultsFile.write(tasks, finished, byTask);
            out.println("results written to " + csv + " and " + tasks);
        }
        if (chart != null) {
            ChartFile.write(SpreadChart.bars("Held-out instruction following", "accuracy",
                    spreads(summary, "accuracy", "accuracy std", "accuracy min", "accuracy max")), chart);
            out.println("chart written to " + chart);
        }
        out.flush();
        return 0;
    }

    private int preferences(PrintWriter out, Provenance provenance, long[] seedList, long sftSteps,
                            List<TaskExample> instructions, boolean quick) throws Exception {
        long steps = pairSteps != null ? OptionCheck.atLeast(pairSteps, 1, "--pair-steps") : quick ? 10 : 150;
        PreferenceTuning.Settings settings = PreferenceTuning.Settings.defaults().withSteps(steps, steps);
        int count = this.prompts != null ? OptionCheck.between(this.prompts, 1, 100, "--prompts", "") : quick ? 6 : 100;
        List<TaskExample> prompts = settings.heldOut().stream().map(PreferencePair::example).limit(count).toList();
        out.printf("preferences from %s: %d instruction-tuning steps, %d reward-model and %d DPO steps, seeds %s, "
                + "%d held-out prompts, %d held-out instructions%n", model.model, sftSteps, settings.rewardSteps(),
                settings.dpoSteps(), Arrays.toString(seedList), prompts.size(), instructions.size());
        out.flush();
        List<PreferenceTuning.Result> results = new ArrayList<>();
        for (long seed : seedList) {
            results.add(PreferenceTuning.study(model.model, InstructionTuning.Settings.defaults().withSteps(sftSteps),
                    settings.withSeed(seed), prompts, instructions, stage -> {
                        out.printf("%s (seed %d)...%n", stage, seed);
                        out.flush();
                        return List.of(new ProgressBarListener(stage));
                    }));
        }
        Table summary = PreferenceTuning.summary(results);
        Table measures = PreferenceTuning.measures(results);
        out.println(TableText.of(summary));
        out.println(TableText.of(measures));
        out.println("Sampling error: " + HeldOut.describe(prompts.size()) + ".");
        if (csv != null) {
            Provenance finished = provenance.finish().with(ReadmeResults.HELD_OUT_EXAMPLES, Integer.toString(prompts.size()));
            ResultsFile.write(csv, finished, summary);
            Path extra = csv.resolveSibling(csv.getFileName().toString().replaceFirst("\\.csv$", "") + "-measures.csv");
            ResultsFile.write(extra, finished, measures);
            out.println("results written to " + csv + " and " + extra);
        }
        if (chart != null) {
            ChartFile.write(SpreadChart.bars("Preferred behaviour on held-out prompts", "preferred-behaviour rate",
                    spreads(summary, "preferred behaviour", "std", "min", "max")), chart);
            out.println("chart written to " + chart);
        }
        out.flush();
        return 0;
    }

    /** Each setting's spread over the seeds, read back from a summary table's columns, for a chart with error bars. */
    private static Map<String, Spread> spreads(Table summary, String mean, String std, String min, String max) {
        Map<String, Spread> bars = new LinkedHashMap<>();
        for (int row = 0; row < summary.rowCount(); row++) {
            bars.put(summary.stringColumn("setting").get(row), new Spread(summary.intColumn("seeds").get(row),
                    summary.doubleColumn(mean).get(row), summary.doubleColumn(std).get(row),
                    summary.doubleColumn(min).get(row), summary.doubleColumn(max).get(row)));
        }
        return bars;
    }
}
