package org.finetunelab.cli;

import org.finetunelab.experiments.PersonaAdapters;
import org.finetunelab.experiments.PersonaTuning;
import org.finetunelab.model.GenerationConfig;
import org.finetunelab.model.LanguageModel;
import org.finetunelab.text.personas.Persona;
import org.finetunelab.text.personas.PersonaData;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code chat --persona NAME}: the base model with that persona's adapter. Adapters come from {@code --adapters DIR}
 * when it is given (nothing is trained there: a missing one is a mistake to report); otherwise from the cache folder,
 * where one of the lab's three personas that is not there yet is trained first, once, with its recipe.
 */
final class PersonaChat {
    private final CommandSpec spec;
    private final ModelOptions model;
    private final String name;
    private final Path adapters;

    PersonaChat(CommandSpec spec, ModelOptions model, String name, Path adapters, String template, Path adapter) {
        if (adapter != null) {
            throw new IllegalArgumentException("--persona and --adapter cannot be used together: --persona loads its "
                    + "own adapter (from --adapters DIR or the cache folder)");
        }
        if (template != null) {
            throw new IllegalArgumentException("--template goes without --persona: persona adapters learnt the chat template");
        }
        if (adapters != null) {
            OptionCheck.existingFolder(adapters, "--adapters");
        }
        this.spec = spec;
        this.model = model;
        this.name = name;
        this.adapters = adapters;
    }

    int run(Integer maxTokens, float temperature, long seed, String prompt) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path folder = adapters != null ? adapters : PersonaRuns.defaultFolder();
        if (!PersonaAdapters.saved(folder).contains(name) && !trainFirst(folder, out)) {
            return 1;
        }
        try (LanguageModel lm = model.load()) {
            PersonaAdapters personas = PersonaAdapters.load(lm, folder, List.of(name));
            int tokens = maxTokens != null ? maxTokens : personas.card(name).answerTokens();
            GenerationConfig config = temperature == 0 ? PersonaTuning.answering(tokens)
                    : GenerationConfig.sampling(tokens, seed).withTemperature(temperature).withStop("<|user|>", "<|assistant|>");
            String banner = "Chatting with " + name + " (" + folder.resolve(name) + " on " + model.model + ").";
            ChatCommand.talk(out, banner, prompt, (line, onText) -> personas.answer(name, line.strip(), config, onText));
        }
        return 0;
    }

    /** Trains a lab persona missing from the cache folder; refuses for --adapters and for names of the user's own. */
    private boolean trainFirst(Path folder, PrintWriter out) throws IOException {
        boolean labPersona = Arrays.stream(Persona.values()).anyMatch(p -> p.id().equals(name));
        if (adapters != null) {
            throw new IllegalArgumentException("--adapters " + adapters + " has no '" + name + "' adapter: train it with "
                    + "./lab finetune persona train " + (labPersona ? "--persona " + name : "--data FILE --name " + name)
                    + " --out " + adapters);
        }
        if (!labPersona) {
            throw new IllegalArgumentException("--persona " + name + ": no such adapter in " + folder + "; the lab's personas "
                    + "are " + PersonaTrainCommand.ids() + ", and your own come from ./lab finetune persona train --data FILE "
                    + "--name " + name);
        }
        Persona persona = Persona.of(name);
        out.printf("No %s adapter in %s yet: training it now, once (the bar shows the time left; "
                + "./lab finetune persona train --persona %s also measures it).%n", name, folder, name);
        out.flush();
        try (LanguageModel lm = model.load()) {
            return PersonaRuns.trainAndSave(lm, name, PersonaTuning.examples(lm, persona.folder().resolve(PersonaData.TRAIN_FILE)),
                    PersonaTuning.Recipe.defaults(persona), folder, out) != null;
        }
    }
}
