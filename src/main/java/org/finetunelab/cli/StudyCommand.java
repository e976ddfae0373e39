package org.finetunelab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code finetune study NAME}: one subcommand per study, each writing its table, results file and chart. */
@Command(name = "study", mixinStandardHelpOptions = true,
        description = "Run one of the lab's studies and write its table, results file and chart "
                + "(finetune study NAME --help says what each one measures).",
        subcommands = {InstructStudyCommand.class, PreferencesStudyCommand.class, OverfittingStudyCommand.class,
                DataStudyCommand.class, ForgettingStudyCommand.class, CostStudyCommand.class, PersonasStudyCommand.class,
                ClaimsStudyCommand.class})
final class StudyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Catches a name that is not a study, so that the answer lists the studies instead of a parser message. */
    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "which study (see the commands below)")
    String name;

    @Override
    public Integer call() {
        String studies = String.join(", ", spec.subcommands().keySet());
        if (name == null) {
            throw new IllegalArgumentException("name a study: " + studies);
        }
        throw new IllegalArgumentException("unknown study '" + name + "': the lab has " + studies);
    }
}
