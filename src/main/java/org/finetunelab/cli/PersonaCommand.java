package org.finetunelab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "persona", mixinStandardHelpOptions = true,
        description = {"Personas: the base model taught a style by a LoRA adapter of its own.",
                "persona train --persona haiku-chef|bard|museum-guide, or --data FILE --name NAME for your own;",
                "then ./lab finetune chat --persona NAME talks to it."},
        subcommands = {PersonaTrainCommand.class})
final class PersonaCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        // "persona" alone: show the subcommands.
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
