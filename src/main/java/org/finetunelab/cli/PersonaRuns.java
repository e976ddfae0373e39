package org.finetunelab.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.finetunelab.experiments.PersonaTuning;
import org.finetunelab.experiments.PersonaTuning.Evaluation;
import org.finetunelab.experiments.PersonaTuning.Recipe;
import org.finetunelab.io.AtomicFiles;
import org.finetunelab.model.LanguageModel;
import org.finetunelab.text.InstructionExample;
import org.finetunelab.text.personas.PersonaExample;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;

/** What {@code persona train} and {@code chat --persona} share: where adapters live, training one, answering with a bar. */
final class PersonaRuns {
    private PersonaRuns() {
    }

    /** Where {@code persona train} saves and {@code chat --persona} looks when no folder is named. */
    static Path defaultFolder() {
        return CacheFolder.get().resolve("personas");
    }

    /**
     * Trains {@code name} with a progress bar and saves it under {@code folder}. The run checkpoints beside the adapter
     * ({@code NAME.checkpoint}), so a killed run continues when the same command runs again. Returns null when the
     * run stopped before its last step.
     */
    static PersonaTuning.Trained trainAndSave(LanguageModel lm, String name, List<InstructionExample> examples, Recipe recipe,
                                              Path folder, PrintWriter console) throws IOException {
        Path checkpoint = folder.resolve(name + ".checkpoint");
        console.printf("training %s: %s, %,d examples%n", name, recipe.describe(), examples.size());
        console.flush();
        PersonaTuning.Trained trained = PersonaTuning.train(lm, name, examples, recipe,
                List.of(new ProgressBarListener("train " + name)), checkpoint);
        if (trained.result().stepsDone() < recipe.steps()) {
            console.printf("stopped after %d of %d steps: run the same command again to continue%n",
                    trained.result().stepsDone(), recipe.steps());
            return null;
        }
        Path saved = PersonaTuning.save(trained, folder);
        AtomicFiles.deleteRecursively(checkpoint);
        console.printf("trained %d steps in %.0f s, final loss %.3f; saved to %s%n", trained.result().stepsDone(),
                trained.result().seconds(), trained.result().finalTrainLoss(), saved);
        return trained;
    }

    /** Runs an evaluation that answers {@code questions}, with a progress bar named {@code task}. */
    static Evaluation answering(String task, List<PersonaExample> questions, java.util.function.Function<IntConsumer, Evaluation> run) {
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(questions.size())
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).continuousUpdate().build()) {
            return run.apply(bar::stepTo);
        }
    }
}
