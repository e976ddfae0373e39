package org.finetunelab.eval.personas;

import org.finetunelab.text.personas.Persona;
import org.finetunelab.text.personas.PersonaExample;
import org.finetunelab.text.pronunciation.Pronunciation;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * Scores a persona's answers with its two checks, in one line:
 * <pre>
 * Table rates = PersonaMetrics.rates(Persona.HAIKU_CHEF, examples, answers);
 * </pre>
 * {@link #rates} gives one row per check (metric, rule, passed, answers, rate); {@link #details} one row per answer
 * with a column per check. The museum guide needs the examples' accepted answers, so it is scored from dataset
 * examples; the other two can be scored from bare questions ({@link PersonaExample#question}).
 */
public final class PersonaMetrics {
    private PersonaMetrics() {
    }

    /** One check: its name, its rule in words, and the test. */
    public record Check(String name, String rule, BiPredicate<PersonaExample, String> test) {
    }

    /** The two checks of a persona; syllables and rhymes come from {@code pronunciation}. */
    public static List<Check> checks(Persona persona, Pronunciation pronunciation) {
        return switch (persona) {
            case HAIKU_CHEF -> List.of(
                    new Check("form 5-7-5", "three lines of 5, 7 and 5 syllables", (e, a) -> HaikuChecks.hasForm(a, pronunciation)),
                    new Check("cooking topic", "names the dish, ingredient or technique asked about", HaikuChecks::onTopic));
            case BARD -> List.of(
                    new Check("archaic", "at least " + BardChecks.MIN_MARKERS + " archaic marks (thee, thou, -eth, ...)",
                            (e, a) -> BardChecks.isArchaic(a)),
                    new Check("couplet rhyme", "the last two lines end in rhyming words",
                            (e, a) -> BardChecks.endsInCouplet(a, pronunciation)));
            case MUSEUM_GUIDE -> List.of(
                    new Check("fact correct", "names the accepted answer and no wrong one", GuideChecks::factCorrect),
                    new Check("joke", "a joke's phrasing or the exhibit's pun word", GuideChecks::hasJoke));
        };
    }

    /** The share of answers that pass each check, with {@link Pronunciation#load()}. */
    public static Table rates(Persona persona, List<PersonaExample> examples, List<String> answers) {
        return rates(persona, examples, answers, Pronunciation.load());
    }

    /** Like {@link #rates(Persona, List, List)} for bare questions (not the museum guide: it needs accepted answers). */
    public static Table ratesForQuestions(Persona persona, List<String> questions, List<String> answers) {
        if (persona == Persona.MUSEUM_GUIDE) {
            throw new IllegalArgumentException("the museum guide's fact check needs each question's accepted answers: "
                    + "score it with examples read from its dataset (PersonaData.read)");
        }
        return rates(persona, questions.stream().map(PersonaExample::question).toList(), answers);
    }

    public static Table rates(Persona persona, List<PersonaExample> examples, List<String> answers,
                              Pronunciation pronunciation) {
        return rates(persona.id() + " (syllables and rhymes: " + pronunciation.describe() + ")",
                checks(persona, pronunciation), examples, answers);
    }

    /** The share of answers that pass each of {@code checks}: any checks, e.g. a style of your own ({@link StyleChecks}). */
    public static Table rates(String title, List<Check> checks, List<PersonaExample> examples, List<String> answers) {
        Table details = details(title, checks, examples, answers);
        StringColumn metric = StringColumn.create("metric");
        StringColumn rule = StringColumn.create("rule");
        IntColumn passed = IntColumn.create("passed");
        IntColumn total = IntColumn.create("answers");
        DoubleColumn rate = DoubleColumn.create("rate");
        for (Check check : checks) {
            int n = details.booleanColumn(check.name()).countTrue();
            metric.append(check.name());
            rule.append(check.rule());
            passed.append(n);
            total.append(details.rowCount());
            rate.append(details.rowCount() == 0 ? 0 : (double) n / details.rowCount());
        }
        return Table.create(title, metric, rule, passed, total, rate);
    }

    /** One row per answer: question, answer, and whether it passes each check. */
    public static Table details(Persona persona, List<PersonaExample> examples, List<String> answers,
                                Pronunciation pronunciation) {
        return details(persona.id() + " answers", checks(persona, pronunciation), examples, answers);
    }

    /** One row per answer with a column per check, for any checks. */
    public static Table details(String title, List<Check> checks, List<PersonaExample> examples, List<String> answers) {
        if (examples.size() != answers.size()) {
            throw new IllegalArgumentException(examples.size() + " examples but " + answers.size() + " answers: give one "
                    + "answer per example, in the same order");
        }
        StringColumn question = StringColumn.create("question");
        StringColumn answer = StringColumn.create("answer");
        List<BooleanColumn> results = new ArrayList<>();
        checks.forEach(c -> results.add(BooleanColumn.create(c.name())));
        for (int i = 0; i < examples.size(); i++) {
            question.append(examples.get(i).instruction());
            answer.append(answers.get(i));
            for (int c = 0; c < checks.size(); c++) {
                results.get(c).append(checks.get(c).test().test(examples.get(i), answers.get(i)));
            }
        }
        Table table = Table.create(title, question, answer);
        results.forEach(table::addColumns);
        return table;
    }
}
