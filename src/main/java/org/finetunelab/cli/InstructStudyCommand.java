package org.finetunelab.cli;

import org.finetunelab.experiments.InstructionTuning;
import org.finetunelab.results.Provenance;
import org.finetunelab.results.ReadmeResults;
import org.finetunelab.results.ResultsFile;
import org.finetunelab.stats.HeldOut;
import org.finetunelab.text.instructions.TaskExample;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.Table;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "instruct", mixinStandardHelpOptions = true,
        description = "The base model zero-shot and with three examples in its prompt, then instruction-tuned with "
                + "full fine-tuning, LoRA and prompt tuning, all on the held-out instructions, over several seeds.")
final class InstructStudyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Mixin
    StudyOptions study;

    @Mixin
    InstructionOptions instruction;

    @Override
    public Integer call() throws Exception {
        long n = instruction.steps(study.quick());
        List<TaskExample> test = instruction.heldOut(study.quick());
        study.checkOutputs();
        long[] seedList = study.seedList();
        PrintWriter out = spec.commandLine().getOut();
        Provenance provenance = StudyOptions.provenance(spec);
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
        if (study.csv != null) {
            Provenance finished = provenance.finish().with(ReadmeResults.HELD_OUT_EXAMPLES, Integer.toString(test.size()));
            ResultsFile.write(study.csv, finished, summary);
            Path tasks = study.csvSibling("tasks");
            ResultsFile.write(tasks, finished, byTask);
            out.println("results written to " + study.csv + " and " + tasks);
        }
        study.writeBars(out, "Held-out instruction following", "accuracy",
                StudyOptions.spreads(summary, "accuracy", "accuracy std", "accuracy min", "accuracy max"));
        out.flush();
        return 0;
    }
}
