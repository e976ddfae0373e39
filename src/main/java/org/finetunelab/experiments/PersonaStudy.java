package org.finetunelab.experiments;

import org.finetunelab.experiments.PersonaTuning.Evaluation;
import org.finetunelab.experiments.PersonaTuning.Recipe;
import org.finetunelab.model.LanguageModel;
import org.finetunelab.stats.Spread;
import org.finetunelab.text.personas.Persona;
import org.finetunelab.text.personas.PersonaExample;
import org.finetunelab.train.TrainingListener;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.UnaryOperator;

/**
 * The personas' figures over several seeds: each persona's recipe trained once per seed from a freshly loaded base and
 * scored on its held-out questions, beside the untrained base. The base answers greedily, so its rates do not depend on
 * the seed and it is scored once. A persona's rate is then a mean with a spread, and its verdict against the course's
 * aim says in how many seeds the aim was met.
 * <pre>{@code
 * var runs = PersonaStudy.run(PersonaTuning.BASE, List.of(Persona.values()), new long[] {1, 2, 3}, r -> r, 0,
 *         PersonaStudy.Progress.NONE);
 * PersonaStudy.summary(runs);   // persona, check, base, tuned mean ± std, min, max, aim, verdict
 * }</pre>
 */
public final class PersonaStudy {
    public static final String PERSONA = "persona";
    public static final String CHECK = "check";
    public static final String BASE = "base";
    public static final String TUNED = "tuned";
    public static final String TUNED_STD = "tuned std";
    public static final String TUNED_MIN = "tuned min";
    public static final String TUNED_MAX = "tuned max";
    public static final String SEEDS = "seeds";
    public static final String QUESTIONS = "questions";
    public static final String STEPS = "steps";
    public static final String AIM = "aim";
    public static final String VERDICT = "verdict";
    public static final String MINUTES = "minutes per run";

    /** The course's aims: the share of held-out answers that must pass a check. Other checks are reported only. */
    private static final Map<Persona, Map<String, Double>> AIMS = Map.of(
            Persona.HAIKU_CHEF, Map.of("form 5-7-5", 0.60),
            Persona.BARD, Map.of("archaic", 0.80),
            Persona.MUSEUM_GUIDE, Map.of("fact correct", 0.50, "joke", 0.80));

    private PersonaStudy() {
    }

    /** The course's aim for {@code check} of {@code persona}; empty where the check is reported without one. */
    public static OptionalDouble aim(Persona persona, String check) {
        Double aim = AIMS.get(persona).get(check);
        return aim == null ? OptionalDouble.empty() : OptionalDouble.of(aim);
    }

    /** One evaluation: the base ({@code seed} 0, {@code steps} 0) or a persona trained with one seed. */
    public record Run(Persona persona, long seed, long steps, double seconds, Evaluation evaluation) {
        public boolean tuned() {
            return steps > 0;
        }
    }

    /** What the study tells its caller as it goes; returns listeners for a training run's steps. */
    public interface Progress {
        Progress NONE = (persona, seed) -> List.of();

        /** Called before each evaluation of the base ({@code seed} 0) and before each training run. */
        List<TrainingListener> onRun(Persona persona, long seed);
    }

    /**
     * Scores the base once per persona, then trains and scores each persona once per seed.
     *
     * @param recipe    adjusts each persona's default recipe (fewer steps in quick mode); its seed is then set per run
     * @param questions held-out questions to answer per persona, the first ones of the file; 0 = all of them
     */
    public static List<Run> run(Path base, List<Persona> personas, long[] seeds, UnaryOperator<Recipe> recipe, int questions,
                                Progress progress) throws IOException {
        List<Run> runs = new ArrayList<>();
        for (Persona persona : personas) {
            List<PersonaExample> heldOut = PersonaTuning.heldOut(persona);
            List<PersonaExample> asked = questions > 0 ? heldOut.subList(0, Math.min(questions, heldOut.size())) : heldOut;
            progress.onRun(persona, 0);
            try (LanguageModel lm = LanguageModel.load(base)) {
                Evaluation before = PersonaTuning.evaluate(lm, persona, asked, null);
                runs.add(new Run(persona, 0, 0, before.seconds(), before));
            }
            for (long seed : seeds) {
                Recipe r = recipe.apply(Recipe.defaults(persona)).withSeed(seed);
                List<TrainingListener> listeners = progress.onRun(persona, seed);
                long start = System.nanoTime();
                try (LanguageModel lm = LanguageModel.load(base)) {
                    PersonaTuning.train(lm, persona, r, listeners);
                    Evaluation after = PersonaTuning.evaluate(lm, persona, asked, null);
                    runs.add(new Run(persona, seed, r.steps(), (System.nanoTime() - start) / 1e9, after));
                }
            }
        }
        return runs;
    }

    /**
     * One row per persona and check: the base's rate, the tuned rate's mean, std, min and max over the seeds, the aim
     * ("≥ 60%" or "reported") and the verdict ("met in every seed", "not met in any seed", "met in 1 of 3 seeds").
     */
    public static Table summary(List<Run> runs) {
        var persona = StringColumn.create(PERSONA);
        var check = StringColumn.create(CHECK);
        var base = DoubleColumn.create(BASE);
        var tuned = DoubleColumn.create(TUNED);
        var std = DoubleColumn.create(TUNED_STD);
        var min = DoubleColumn.create(TUNED_MIN);
        var max = DoubleColumn.create(TUNED_MAX);
        var seeds = IntColumn.create(SEEDS);
        var questions = IntColumn.create(QUESTIONS);
        var steps = IntColumn.create(STEPS);
        var aim = StringColumn.create(AIM);
        var verdict = StringColumn.create(VERDICT);
        var minutes = DoubleColumn.create(MINUTES);
        for (Persona p : runs.stream().map(Run::persona).distinct().toList()) {
            Run before = runs.stream().filter(r -> r.persona() == p && !r.tuned()).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no base evaluation for " + p.id()));
            List<Run> after = runs.stream().filter(r -> r.persona() == p && r.tuned()).toList();
            if (after.isEmpty()) {
                throw new IllegalArgumentException("no trained run for " + p.id());
            }
            for (String c : before.evaluation().rates().stringColumn("metric").asList()) {
                double[] rates = after.stream().mapToDouble(r -> r.evaluation().rate(c)).toArray();
                Spread s = Spread.of(rates);
                persona.append(p.id());
                check.append(c);
                base.append(before.evaluation().rate(c));
                tuned.append(s.mean());
                std.append(s.std());
                min.append(s.min());
                max.append(s.max());
                seeds.append(rates.length);
                questions.append(before.evaluation().answers().size());
                steps.append((int) after.get(0).steps());
                OptionalDouble goal = aim(p, c);
                aim.append(goal.isPresent() ? String.format("≥ %.0f%%", 100 * goal.getAsDouble()) : "reported");
                verdict.append(goal.isPresent() ? verdict(rates, goal.getAsDouble()) : "");
                minutes.append(after.stream().mapToDouble(Run::seconds).average().orElseThrow() / 60);
            }
        }
        return Table.create("personas over seeds", persona, check, base, tuned, std, min, max, seeds, questions, steps,
                aim, verdict, minutes);
    }

    /** In how many seeds the rate reached the aim, in words. */
    static String verdict(double[] rates, double aim) {
        long met = Arrays.stream(rates).filter(r -> r >= aim).count();
        if (met == rates.length) {
            return rates.length == 1 ? "met" : "met in every seed";
        }
        if (met == 0) {
            return rates.length == 1 ? "not met" : "not met in any seed";
        }
        return "met in " + met + " of " + rates.length + " seeds";
    }
}
