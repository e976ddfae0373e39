package org.finetunelab.text.instructions;

import com.google.gson.stream.JsonWriter;
import org.finetunelab.io.AtomicFiles;
import org.finetunelab.text.DatasetException;
import org.finetunelab.text.JsonlDataset;
import org.finetunelab.text.corpus.Fact;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Writes the lab's preference data: for instructions of the instruction data, a preferred and a rejected answer
 * that differ in one way a program can score ({@link PreferencePair.Kind}). Training pairs are built on training
 * instructions and held-out pairs on held-out ones, so the held-out pairs are about instructions no model trained on
 * the lab's data has seen.
 */
public final class PreferenceData {
    public static final int TRAIN_PER_KIND = 80;
    public static final int TEST_PER_KIND = 20;
    public static final String TRAIN_FILE = "train.jsonl";
    public static final String TEST_FILE = "test.jsonl";

    /** Openings and endings of a rambling answer: words that add length and nothing else. */
    static final List<String> RAMBLE_OPENINGS = List.of("Well, that is a very interesting question, and I have thought "
            + "about it for quite a long time before answering.", "Let me think about this carefully, step by step, "
            + "because there is a lot that one could say here.", "Questions like this one come up very often, and "
            + "people have many different opinions about them.", "Before I answer, I should say that this is a topic "
            + "with a long history and many details.");
    static final List<String> RAMBLE_ENDINGS = List.of("I hope that helps, and of course there is much more that "
            + "could be said about it another time.", "Anyway, that is what I think, although other people might "
            + "put it in a different way.", "There are many more things to say, but that is the main point, more or "
            + "less, as far as I can tell.");
    /** Rude openings and endings; {@code eval.PreferenceChecks} looks for these markers. */
    public static final List<String> RUDE_OPENINGS = List.of("Ugh, fine.", "Obviously, everyone knows this.", "Any fool knows this:",
            "What a stupid question.", "Figure it out yourself next time.");
    public static final List<String> RUDE_ENDINGS = List.of("Now stop bothering me.", "Is that so hard?",
            "Try to keep up.", "Whatever.");

    public record Splits(List<PreferencePair> train, List<PreferencePair> test) {
    }

    private final Random random;
    private final Map<String, Fact> factsByText = new HashMap<>();

    private PreferenceData(List<Fact> facts, long seed) {
        random = new Random(seed);
        facts.forEach(f -> factsByText.put(f.text(), f));
    }

    /** Pairs on the instructions of {@code instructions}; the same inputs and seed give the same pairs. */
    public static Splits generate(InstructionData.Splits instructions, List<Fact> facts, long seed) {
        PreferenceData data = new PreferenceData(facts, seed);
        return new Splits(data.pairs(instructions.train(), TRAIN_PER_KIND), data.pairs(instructions.test(), TEST_PER_KIND));
    }

    private List<PreferencePair> pairs(List<TaskExample> examples, int perKind) {
        List<PreferencePair> out = new ArrayList<>();
        for (PreferencePair.Kind kind : PreferencePair.Kind.values()) {
            List<TaskExample> pool = new ArrayList<>(examples);
            if (kind == PreferencePair.Kind.RIGHT_FACT) {
                // Only facts whose word is not in the rest of the sentence ("The Stone Age came before the Bronze
                // Age" names "Age" whatever the gap gets): there a wrong word makes a wrong answer.
                pool.removeIf(e -> e.task() != TaskType.FACT_QUESTION || !factsByText.containsKey(e.response())
                        || factsByText.get(e.response()).prompt().toLowerCase(java.util.Locale.ROOT)
                                .contains(factsByText.get(e.response()).answer().strip().toLowerCase(java.util.Locale.ROOT)));
            }
            Collections.shuffle(pool, random);
            for (int i = 0; i < perKind; i++) {
                TaskExample e = pool.get(i % pool.size());
                out.add(new PreferencePair(kind, e, e.response(), rejected(kind, e, examples)));
            }
        }
        return out;
    }

    private String rejected(PreferencePair.Kind kind, TaskExample e, List<TaskExample> all) {
        return switch (kind) {
            case CONCISE -> pick(RAMBLE_OPENINGS) + " " + e.response() + " " + pick(RAMBLE_ENDINGS);
            case POLITE -> random.nextBoolean() ? pick(RUDE_OPENINGS) + " " + e.response()
                    : e.response() + (e.response().matches(".*[.!?]$") ? " " : ". ") + pick(RUDE_ENDINGS);
            case ON_TOPIC -> {
                TaskExample other;
                do {
                    other = all.get(random.nextInt(all.size()));
                } while (other.task() == e.task());
                yield other.response();
            }
            case RIGHT_FACT -> {
                Fact fact = factsByText.get(e.response());
                yield InstructionData.withArticle(fact.prompt(), pick(fact.distractors())) + ".";
            }
            case CLEAN_ENDING -> String.join(" ", Collections.nCopies(3 + random.nextInt(3), e.response()));
        };
    }

    private String pick(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }

    // ------------------------------------------------------------------ files

    public static void write(Splits splits, Path folder) throws IOException {
        AtomicFiles.writeString(folder.resolve(TRAIN_FILE), jsonl(splits.train()));
        AtomicFiles.writeString(folder.resolve(TEST_FILE), jsonl(splits.test()));
    }

    static String jsonl(List<PreferencePair> pairs) throws IOException {
        StringWriter out = new StringWriter();
        for (PreferencePair p : pairs) {
            JsonWriter json = new JsonWriter(out);
            json.setHtmlSafe(false);
            json.beginObject();
            json.name("kind").value(p.kind().id());
            json.name("task").value(p.example().task().id());
            json.name("instruction").value(p.instruction());
            json.name("chosen").value(p.chosen());
            json.name("rejected").value(p.rejected());
            InstructionData.writeCheckFields(json, p.example());
            json.endObject();
            json.flush();
            out.write('\n');
        }
        return out.toString();
    }

    /** Reads a file written by {@link #write}; problems name the file, line and field. */
    public static List<PreferencePair> read(Path file) {
        Table t = JsonlDataset.load(file, List.of("kind", "task", "instruction", "chosen", "rejected", "accept"),
                List.of("reject", "count"));
        List<PreferencePair> out = new ArrayList<>();
        for (int row = 0; row < t.rowCount(); row++) {
            final int r = row;
            Function<String, String> field = name -> t.stringColumn(name).get(r);
            try {
                TaskExample e = InstructionData.exampleOf(field, field.apply("chosen"));
                out.add(new PreferencePair(PreferencePair.Kind.of(field.apply("kind")), e, field.apply("chosen"),
                        field.apply("rejected")));
            } catch (IllegalArgumentException e) {
                throw new DatasetException(file, row + 1, null, e.getMessage(), "fix that record");
            }
        }
        return out;
    }
}
