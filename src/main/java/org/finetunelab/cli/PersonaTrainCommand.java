package org.finetunelab.cli;

import org.finetunelab.experiments.OwnPersona;
import org.finetunelab.experiments.PersonaAdapters;
import org.finetunelab.experiments.PersonaTuning;
import org.finetunelab.experiments.PersonaTuning.Evaluation;
import org.finetunelab.experiments.PersonaTuning.Recipe;
import org.finetunelab.model.LanguageModel;
import org.finetunelab.peft.AdapterSet;
import org.finetunelab.text.DatasetException;
import org.finetunelab.text.InstructionExample;
import org.finetunelab.text.personas.Persona;
import org.finetunelab.text.personas.PersonaData;
import org.finetunelab.text.personas.PersonaExample;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Teach the base model a persona with a LoRA adapter, measure it and save it.",
                "Held-out questions are answered before and after training; the adapter goes to DIR/NAME.",
                "--persona haiku-chef|bard|museum-guide: the lab's data and the persona's recipe and checks.",
                "--data FILE --name NAME: your own JSON Lines file (instruction, response); a tenth is held out, and",
                "answers are scored by the words your responses favour and by their length.",
                "Run the same command again to continue an interrupted run."})
final class PersonaTrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Option(names = "--persona", paramLabel = "NAME", description = "haiku-chef, bard or museum-guide")
    String persona;

    @Option(names = "--data", paramLabel = "FILE", description = "your own persona's examples (JSON Lines: instruction, response)")
    Path data;

    @Option(names = "--name", description = "your persona's name, with --data (letters, digits, - and _)")
    String name;

    @Option(names = "--steps", description = "optimizer steps (default: the recipe's: haiku-chef 2400, bard 600, museum-guide 900, your own 600)")
    Long steps;

    @Option(names = "--held-out", paramLabel = "N", description = "held-out questions to answer before and after training (default: all; 0 = none)")
    Integer heldOut;

    @Option(names = "--out", paramLabel = "DIR", description = "folder of persona adapters; this one goes to DIR/NAME (default: the cache folder's personas/, where chat --persona looks)")
    Path out;

    @Option(names = "--replace", description = "train again over an adapter that DIR/NAME already holds")
    boolean replace;

    @Override
    public Integer call() throws Exception {
        check();
        String adapter = persona != null ? persona : name;
        Path folder = out != null ? out : PersonaRuns.defaultFolder();
        if (PersonaAdapters.saved(folder).contains(adapter) && !replace) {
            throw new IllegalArgumentException("--out " + folder + " already holds a trained '" + adapter + "': pass --replace "
                    + "to train it again, or choose another --out (nothing was overwritten)");
        }
        PrintWriter console = spec.commandLine().getOut();
        try (LanguageModel lm = model.load()) {
            Run run = persona != null ? builtIn(lm, Persona.of(persona)) : own(lm);
            List<PersonaExample> questions = heldOut == null ? run.questions()
                    : run.questions().subList(0, Math.min(heldOut, run.questions().size()));
            Evaluation before = questions.isEmpty() ? null
                    : PersonaRuns.answering("base answers", questions, p -> run.scorer().evaluate(questions, p));
            PersonaTuning.Trained trained = PersonaRuns.trainAndSave(lm, adapter, run.training(), run.recipe(), folder, console);
            if (trained == null) {
                return 1;
            }
            if (before != null) {
                Evaluation after = PersonaRuns.answering("tuned answers", questions, p -> run.scorer().evaluate(questions, p));
                console.println(TableText.of(PersonaTuning.compare(before, after)));
                console.printf("for example:%n  %s%n  base:  %s%n  tuned: %s%n", questions.get(0).instruction(),
                        oneLine(before.answers().get(0)), oneLine(after.answers().get(0)));
            }
            console.printf("chat with it: ./lab finetune chat --persona %s%s%n", adapter,
                    out != null ? " --adapters " + out : "");
        }
        console.flush();
        return 0;
    }

    /** The training examples, the held-out questions and how the answers are scored, for a lab persona or your own. */
    private record Run(List<InstructionExample> training, List<PersonaExample> questions, Recipe recipe, Scorer scorer) {
    }

    /** Answers {@code asked} with the model as it is now and scores the answers. */
    private interface Scorer {
        Evaluation evaluate(List<PersonaExample> asked, IntConsumer progress);
    }

    private Run builtIn(LanguageModel lm, Persona p) {
        Recipe recipe = Recipe.defaults(p);
        return new Run(PersonaTuning.examples(lm, p.folder().resolve(PersonaData.TRAIN_FILE)), PersonaTuning.heldOut(p),
                steps != null ? recipe.withSteps(steps) : recipe, (asked, progress) -> PersonaTuning.evaluate(lm, p, asked, progress));
    }

    private Run own(LanguageModel lm) {
        OwnPersona own;
        try {
            own = OwnPersona.load(lm, name, data, 1);
        } catch (DatasetException e) {
            // The library names its own option; a persona's examples must fit the context whole.
            throw new IllegalArgumentException(e.getMessage().replace(", or load with OverLength.TRUNCATE to cut long examples "
                    + "to the context", ""));
        }
        Recipe recipe = Recipe.forOwnData();
        return new Run(own.training(), own.heldOut(), steps != null ? recipe.withSteps(steps) : recipe,
                (asked, progress) -> PersonaTuning.evaluate(lm, name, own.checks(), asked, own.answerTokens(), progress));
    }

    private void check() {
        if ((persona == null) == (data == null)) {
            throw new IllegalArgumentException("give either --persona NAME (one of the lab's) or --data FILE with --name NAME "
                    + "(your own)" + (persona != null ? ", not both" : ""));
        }
        if (persona != null) {
            if (Arrays.stream(Persona.values()).noneMatch(p -> p.id().equals(persona))) {
                throw new IllegalArgumentException("--persona must be " + ids() + ", got '" + persona + "'");
            }
            if (name != null) {
                throw new IllegalArgumentException("--name goes with --data (your own persona); --persona " + persona
                        + " has its name already");
            }
        } else {
            if (name == null) {
                throw new IllegalArgumentException("--data needs --name NAME: the name of your persona and of its folder");
            }
            checkName(name, "--name");
            OptionCheck.existingFile(data, "--data");
        }
        if (steps != null) {
            OptionCheck.atLeast(steps, 1, "--steps");
        }
        if (heldOut != null) {
            OptionCheck.atLeast(heldOut, 0, "--held-out");
        }
        if (out != null && Files.isRegularFile(out)) {
            throw new IllegalArgumentException("--out " + out + " is a file; give a folder");
        }
    }

    /** A name that can be an adapter's and a folder's, and is not one of the lab's personas. */
    static void checkName(String name, String option) {
        if (!name.matches("[A-Za-z0-9_-]{1,64}") || name.equals(AdapterSet.NONE)) {
            throw new IllegalArgumentException(option + " '" + name + "' must be 1 to 64 letters, digits, '-' or '_', and not '"
                    + AdapterSet.NONE + "'");
        }
        if (Arrays.stream(Persona.values()).anyMatch(p -> p.id().equals(name))) {
            throw new IllegalArgumentException(option + " " + name + " is one of the lab's personas: train it with --persona "
                    + name + ", or give yours another name");
        }
    }

    static String ids() {
        return String.join(", ", Arrays.stream(Persona.values()).map(Persona::id).toList());
    }

    private static String oneLine(String text) {
        return text.replace("\n", " / ");
    }
}
