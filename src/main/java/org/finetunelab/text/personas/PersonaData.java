package org.finetunelab.text.personas;

import com.google.gson.stream.JsonWriter;
import org.finetunelab.io.AtomicFiles;
import org.finetunelab.text.DatasetException;
import org.finetunelab.text.JsonlDataset;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * What the persona datasets share: the two splits, the files ({@code train.jsonl}, {@code test.jsonl}, one JSON object
 * per line with the fields {@code instruction} and {@code response} that {@code finetune train --task instruct} reads,
 * plus the checks' fields) and the rule that no held-out question occurs in training.
 */
public final class PersonaData {
    public static final String TRAIN_FILE = "train.jsonl";
    public static final String TEST_FILE = "test.jsonl";

    private PersonaData() {
    }

    /** The two splits of a persona's data. */
    public record Splits(List<PersonaExample> train, List<PersonaExample> test) {
        public Splits {
            train = List.copyOf(train);
            test = List.copyOf(test);
            Set<String> trained = new HashSet<>();
            train.forEach(e -> trained.add(e.instruction()));
            for (PersonaExample e : test) {
                if (trained.contains(e.instruction())) {
                    throw new IllegalStateException("a held-out question occurs in training: " + e.instruction());
                }
            }
        }
    }

    /** Writes {@code train.jsonl} and {@code test.jsonl} into {@code folder}, each atomically. */
    public static void write(Splits splits, Path folder) throws IOException {
        AtomicFiles.writeString(folder.resolve(TRAIN_FILE), jsonl(splits.train()));
        AtomicFiles.writeString(folder.resolve(TEST_FILE), jsonl(splits.test()));
    }

    /** One JSON object per line; the check fields only where an example has them. */
    static String jsonl(List<PersonaExample> examples) throws IOException {
        StringWriter out = new StringWriter();
        for (PersonaExample e : examples) {
            JsonWriter json = new JsonWriter(out);
            json.setHtmlSafe(false);
            json.beginObject();
            json.name("topic").value(e.topic());
            json.name("instruction").value(e.instruction());
            json.name("response").value(e.response());
            if (!e.accept().isEmpty()) {
                json.name("accept").value(String.join("|", e.accept()));
            }
            if (!e.reject().isEmpty()) {
                json.name("reject").value(String.join("|", e.reject()));
            }
            if (!e.puns().isEmpty()) {
                json.name("puns").value(String.join("|", e.puns()));
            }
            json.endObject();
            json.flush();
            out.write('\n');
        }
        return out.toString();
    }

    /** Reads a file written by {@link #write}; problems are reported with the file, line and field. */
    public static List<PersonaExample> read(Path file) {
        Table table = JsonlDataset.load(file, List.of("instruction", "response"), List.of("topic", "accept", "reject", "puns"));
        List<PersonaExample> out = new ArrayList<>();
        for (int row = 0; row < table.rowCount(); row++) {
            try {
                out.add(new PersonaExample(table.stringColumn("topic").get(row), table.stringColumn("instruction").get(row),
                        table.stringColumn("response").get(row), parts(table.stringColumn("accept").get(row)),
                        parts(table.stringColumn("reject").get(row)), parts(table.stringColumn("puns").get(row))));
            } catch (IllegalArgumentException e) {
                throw new DatasetException(file, row + 1, null, e.getMessage(), "fix that record");
            }
        }
        return out;
    }

    private static List<String> parts(String joined) {
        return joined.isEmpty() ? List.of() : List.of(joined.split("\\|"));
    }

    /**
     * Asks about {@code items} round after round, each round in a new order and with each item's next unused
     * phrasing ({@code phrasingsOf}, shuffled once per item), so that every item is asked about about as often;
     * stops when {@code made} reaches {@code wanted} or after ten rounds.
     */
    static <T> void askInRounds(List<T> items, Function<T, List<String>> phrasingsOf, Random random,
                                IntSupplier made, int wanted, BiConsumer<T, String> ask) {
        Map<T, List<String>> phrasings = new HashMap<>();
        for (T item : items) {
            List<String> own = new ArrayList<>(phrasingsOf.apply(item));
            Collections.shuffle(own, random);
            phrasings.put(item, own);
        }
        for (int round = 0; made.getAsInt() < wanted && round < 10; round++) {
            Collections.shuffle(items, random);
            for (T item : items) {
                if (made.getAsInt() < wanted && round < phrasings.get(item).size()) {
                    ask.accept(item, phrasings.get(item).get(round));
                }
            }
        }
    }
}
