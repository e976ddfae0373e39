package org.finetunelab.cli;

import org.finetunelab.experiments.PersonaStudy;
import org.finetunelab.results.Provenance;
import org.finetunelab.results.ResultsFile;
import org.finetunelab.stats.HeldOut;
import org.finetunelab.text.personas.Persona;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.Table;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "personas", mixinStandardHelpOptions = true,
        description = "The haiku chef, the bard and the museum guide, each trained with its recipe once per seed and "
                + "scored on its held-out questions beside the untrained base; says per check whether the course's aim "
                + "was met in every seed. About 9 minutes per seed on 2 cores.")
final class PersonasStudyCommand implements Callable<Integer> {
    static final int QUICK_STEPS = 20;
    static final int QUICK_QUESTIONS = 6;

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Mixin
    StudyOptions study;

    @Option(names = "--persona", split = ",", paramLabel = "NAME",
            description = "which personas: haiku-chef, bard, museum-guide (default: all three)")
    List<String> personas;

    @Option(names = "--steps", description = "training steps per run for every persona (default: each recipe's; "
            + QUICK_STEPS + " in quick mode)")
    Integer steps;

    @Option(names = "--questions", paramLabel = "N", description = "held-out questions per persona, the first of the "
            + "file; 0 = all (default: 0; " + QUICK_QUESTIONS + " in quick mode)")
    Integer questions;

    @Override
    public Integer call() throws Exception {
        boolean quick = study.quick();
        List<Persona> chosen = personas == null ? List.of(Persona.values()) : personas.stream().map(Persona::of).toList();
        Integer n = steps != null ? Integer.valueOf(OptionCheck.between(steps, 1, 1_000_000, "--steps", ""))
                : quick ? Integer.valueOf(QUICK_STEPS) : null;
        int asked = questions != null ? OptionCheck.between(questions, 0, 100_000, "--questions", "")
                : quick ? QUICK_QUESTIONS : 0;
        study.checkOutputs();
        long[] seedList = study.seedList();
        PrintWriter out = spec.commandLine().getOut();
        Provenance provenance = StudyOptions.provenance(spec);
        out.printf("personas from %s: %s, seeds %s, %s held-out questions each%n", model.model,
                n == null ? "each recipe's steps" : n + " steps per run", Arrays.toString(seedList),
                asked == 0 ? "all" : Integer.toString(asked));
        out.flush();
        List<PersonaStudy.Run> runs = PersonaStudy.run(model.model, chosen, seedList, r -> n == null ? r : r.withSteps(n),
                asked, (persona, seed) -> {
                    out.printf(seed == 0 ? "%s: the base model answers...%n" : "%s (seed %d)...%n", persona.id(), seed);
                    out.flush();
                    return seed == 0 ? List.of() : List.of(new ProgressBarListener(persona.id()));
                });
        Table summary = PersonaStudy.summary(runs);
        out.println(TableText.of(summary));
        int fewest = (int) summary.intColumn(PersonaStudy.QUESTIONS).min();
        out.println("Sampling error: " + HeldOut.describe(fewest) + ".");
        if (study.csv != null) {
            ResultsFile.write(study.csv, provenance.finish(), summary);
            out.println("results written to " + study.csv);
        }
        study.writeBars(out, "Personas after tuning, held-out questions", "share of answers passing the check",
                StudyOptions.spreads(summary, r -> summary.stringColumn(PersonaStudy.PERSONA).get(r) + ": "
                                + summary.stringColumn(PersonaStudy.CHECK).get(r),
                        PersonaStudy.TUNED, PersonaStudy.TUNED_STD, PersonaStudy.TUNED_MIN, PersonaStudy.TUNED_MAX));
        out.flush();
        return 0;
    }
}
