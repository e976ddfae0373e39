package org.finetunelab.cli;

import org.finetunelab.experiments.InstructionTuning;
import org.finetunelab.experiments.PreferenceTuning;
import org.finetunelab.results.Provenance;
import org.finetunelab.results.ReadmeResults;
import org.finetunelab.results.ResultsFile;
import org.finetunelab.stats.HeldOut;
import org.finetunelab.text.instructions.PreferencePair;
import org.finetunelab.text.instructions.TaskExample;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.Table;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "preferences", mixinStandardHelpOptions = true,
        description = "From the instruction-tuned model, a reward model and best-of-n (n = 1, 4, 16), then DPO, "
                + "judged on the held-out preference prompts, with instruction following before and after DPO.")
final class PreferencesStudyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Mixin
    StudyOptions study;

    @Mixin
    InstructionOptions instruction;

    @Option(names = "--prompts", paramLabel = "N", description = "held-out prompts to answer (default: all 100; 6 in quick mode)")
    Integer prompts;

    @Option(names = "--pair-steps", paramLabel = "N", description = "reward-model and DPO steps (default: 150; 10 in quick mode)")
    Long pairSteps;

    @Override
    public Integer call() throws Exception {
        boolean quick = study.quick();
        long sftSteps = instruction.steps(quick);
        List<TaskExample> instructions = instruction.heldOut(quick);
        long pairs = pairSteps != null ? OptionCheck.atLeast(pairSteps, 1, "--pair-steps") : quick ? 10 : 150;
        int count = this.prompts != null ? OptionCheck.between(this.prompts, 1, 100, "--prompts", "") : quick ? 6 : 100;
        study.checkOutputs();
        long[] seedList = study.seedList();
        PrintWriter out = spec.commandLine().getOut();
        Provenance provenance = StudyOptions.provenance(spec);
        PreferenceTuning.Settings settings = PreferenceTuning.Settings.defaults().withSteps(pairs, pairs);
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
        if (study.csv != null) {
            Provenance finished = provenance.finish().with(ReadmeResults.HELD_OUT_EXAMPLES, Integer.toString(prompts.size()));
            ResultsFile.write(study.csv, finished, summary);
            Path extra = study.csvSibling("measures");
            ResultsFile.write(extra, finished, measures);
            out.println("results written to " + study.csv + " and " + extra);
        }
        study.writeBars(out, "Preferred behaviour on held-out prompts", "preferred-behaviour rate",
                StudyOptions.spreads(summary, "preferred behaviour", "std", "min", "max"));
        out.flush();
        return 0;
    }
}
