package org.finetunelab.eval.personas;

import org.finetunelab.text.JsonlDataset;
import org.finetunelab.text.personas.Persona;
import org.finetunelab.text.personas.PersonaExample;
import org.finetunelab.text.pronunciation.Pronunciation;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How often a persona's checks agree with a person: each check is run on answers labelled by hand
 * ({@code data/datasets/PERSONA/labelled.jsonl}, good and bad ones, some hard on purpose). A rate measured by a
 * check is only as good as the check, so this is the first number to look at.
 */
public final class CheckAccuracy {
    /** The label field of each check in the labelled files. */
    private static final Map<String, String> LABEL = Map.of("form 5-7-5", "form", "cooking topic", "topic",
            "archaic", "archaic", "couplet rhyme", "couplet", "fact correct", "fact", "joke", "joke");

    /** One answer labelled by hand: {@code labels} maps each check's label field to yes (true) or no. */
    public record Labelled(PersonaExample example, String answer, Map<String, Boolean> labels) {
    }

    /**
     * One check's agreement with the labels.
     *
     * @param misses the answers it judged differently, each prefixed "false yes: " or "false no: "
     */
    public record Score(String check, int right, int labelled, int labelledYes, List<String> misses) {
        public double accuracy() {
            return (double) right / labelled;
        }
    }

    private CheckAccuracy() {
    }

    /** The labelled answers of {@code persona}, from {@code labelled.jsonl} in its dataset folder. */
    public static List<Labelled> read(Persona persona) {
        return read(persona, persona.folder().resolve("labelled.jsonl"));
    }

    public static List<Labelled> read(Persona persona, Path file) {
        List<String> labels = PersonaMetrics.checks(persona, Pronunciation.withoutDictionary()).stream()
                .map(c -> LABEL.get(c.name())).toList();
        List<String> required = new ArrayList<>(List.of("instruction", "answer"));
        required.addAll(labels);
        Table t = JsonlDataset.load(file, required, List.of("accept", "reject", "puns", "note"));
        List<Labelled> out = new ArrayList<>();
        for (int r = 0; r < t.rowCount(); r++) {
            PersonaExample e = new PersonaExample("", t.stringColumn("instruction").get(r), "-",
                    parts(t.stringColumn("accept").get(r)), parts(t.stringColumn("reject").get(r)),
                    parts(t.stringColumn("puns").get(r)));
            Map<String, Boolean> values = new HashMap<>();
            for (String l : labels) {
                values.put(l, t.stringColumn(l).get(r).equals("yes"));
            }
            out.add(new Labelled(e, t.stringColumn("answer").get(r), values));
        }
        return out;
    }

    /** Every check of {@code persona}, with syllables and rhymes from {@code pronunciation}, on its labelled answers. */
    public static List<Score> score(Persona persona, Pronunciation pronunciation) {
        return score(persona, persona.folder().resolve("labelled.jsonl"), pronunciation);
    }

    /** The same for a labelled file named in full (a notebook passes {@code Notebook.file(...)}). */
    public static List<Score> score(Persona persona, Path labelledFile, Pronunciation pronunciation) {
        List<Labelled> set = read(persona, labelledFile);
        List<Score> out = new ArrayList<>();
        for (PersonaMetrics.Check check : PersonaMetrics.checks(persona, pronunciation)) {
            String label = LABEL.get(check.name());
            int right = 0;
            int yes = 0;
            List<String> misses = new ArrayList<>();
            for (Labelled l : set) {
                boolean says = check.test().test(l.example(), l.answer());
                boolean truth = l.labels().get(label);
                yes += truth ? 1 : 0;
                if (says == truth) {
                    right++;
                } else {
                    misses.add((says ? "false yes: " : "false no: ") + l.answer().replace("\n", " / "));
                }
            }
            out.add(new Score(check.name(), right, set.size(), yes, misses));
        }
        return out;
    }

    /** {@link #score} as a table: check, right, labelled, accuracy. */
    public static Table table(Persona persona, Path labelledFile, Pronunciation pronunciation) {
        List<Score> scores = score(persona, labelledFile, pronunciation);
        return Table.create(persona.id() + ": checks against hand labels (" + pronunciation.describe() + ")",
                StringColumn.create("check", scores.stream().map(Score::check)),
                IntColumn.create("right", scores.stream().mapToInt(Score::right).toArray()),
                IntColumn.create("labelled", scores.stream().mapToInt(Score::labelled).toArray()),
                DoubleColumn.create("accuracy", scores.stream().mapToDouble(Score::accuracy)));
    }

    private static List<String> parts(String joined) {
        return joined.isEmpty() ? List.of() : List.of(joined.split("\\|"));
    }
}
