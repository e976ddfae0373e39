package org.finetunelab.experiments;

import org.finetunelab.eval.personas.PersonaMetrics.Check;
import org.finetunelab.eval.personas.StyleChecks;
import org.finetunelab.model.LanguageModel;
import org.finetunelab.text.InstructionExample;
import org.finetunelab.text.JsonlDataset;
import org.finetunelab.text.personas.PersonaExample;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A persona of your own: one JSON Lines file with {@code instruction} and {@code response} (and optionally
 * {@code input}), of which a tenth, chosen by the seed, is held out to measure whether the style was learnt.
 * <pre>{@code
 * var pirate = OwnPersona.load(lm, "pirate", Path.of("pirate.jsonl"), 1);
 * var trained = PersonaTuning.train(lm, pirate.name(), pirate.training(), PersonaTuning.Recipe.forOwnData(), List.of(), null);
 * PersonaTuning.evaluate(lm, pirate.name(), pirate.checks(), pirate.heldOut(), trained.answerTokens(), null);
 * }</pre>
 *
 * @param training      the training examples, encoded with the personas' template
 * @param trainingTexts the same examples as text, which {@link #checks()} learns the style from
 * @param heldOut       the held-out examples: their questions are asked, their responses never trained on
 */
public record OwnPersona(String name, List<InstructionExample> training, List<PersonaExample> trainingTexts,
                         List<PersonaExample> heldOut) {
    /** Fewer examples than this teach no style and leave nothing to measure it on. */
    public static final int MIN_EXAMPLES = 10;
    /** At most this many examples are held out: enough to measure, and answering them stays quick. */
    public static final int MAX_HELD_OUT = 100;

    /** Reads and splits {@code file}; problems are reported with its line and field. */
    public static OwnPersona load(LanguageModel lm, String name, Path file, long seed) {
        List<InstructionExample> encoded = PersonaTuning.examples(lm, file);   // validates every line first
        Table table = JsonlDataset.load(file, List.of("instruction", "response"), List.of("input"));
        if (encoded.size() < MIN_EXAMPLES) {
            throw new IllegalArgumentException(file + " has " + encoded.size() + " examples; a persona needs at least "
                    + MIN_EXAMPLES + " (a tenth is held out to measure its style)");
        }
        Set<Integer> held = heldOutRows(encoded.size(), seed);
        List<InstructionExample> training = new ArrayList<>();
        List<PersonaExample> texts = new ArrayList<>();
        List<PersonaExample> heldOut = new ArrayList<>();
        for (int row = 0; row < encoded.size(); row++) {
            String input = table.stringColumn("input").get(row);
            // The question as the template shows it: an input follows the instruction after a blank line.
            String question = table.stringColumn("instruction").get(row) + (input.isEmpty() ? "" : "\n\n" + input);
            PersonaExample text = new PersonaExample("", question, table.stringColumn("response").get(row), List.of(),
                    List.of(), List.of());
            if (held.contains(row)) {
                heldOut.add(text);
            } else {
                training.add(encoded.get(row));
                texts.add(text);
            }
        }
        return new OwnPersona(name, training, texts, heldOut);
    }

    /** A tenth of the rows (at least one, at most {@value #MAX_HELD_OUT}), drawn by the seed. */
    static Set<Integer> heldOutRows(int rows, long seed) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        return new HashSet<>(order.subList(0, Math.max(1, Math.min(MAX_HELD_OUT, rows / 10))));
    }

    /** The generic style checks learnt from the training responses ({@link StyleChecks}); pass others to replace them. */
    public List<Check> checks() {
        return StyleChecks.from(trainingTexts);
    }

    public int answerTokens() {
        return PersonaTuning.answerTokens(training);
    }
}
