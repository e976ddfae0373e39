package org.finetunelab.cli;

import org.finetunelab.experiments.InstructionTuning;
import org.finetunelab.text.instructions.TaskExample;
import picocli.CommandLine.Option;

import java.util.List;

/** The instruction-tuning options that {@code study instruct} and {@code study preferences} share. */
final class InstructionOptions {
    @Option(names = "--steps", description = "instruction-tuning steps per run (default: 600; 40 in quick mode)")
    Long steps;

    @Option(names = "--per-task", description = "held-out instructions per task type to answer, 0 = all 20 (default: 0; 3 in quick mode)")
    Integer perTask;

    /** Instruction-tuning steps per run, checked. */
    long steps(boolean quick) {
        return steps != null ? OptionCheck.atLeast(steps, 1, "--steps") : quick ? 40 : 600;
    }

    /** The held-out instructions to answer: {@code --per-task} of each task type. */
    List<TaskExample> heldOut(boolean quick) {
        int examples = perTask != null ? OptionCheck.between(perTask, 0, 20, "--per-task", "") : quick ? 3 : 0;
        return InstructionTuning.Settings.defaults().heldOut(examples);
    }
}
