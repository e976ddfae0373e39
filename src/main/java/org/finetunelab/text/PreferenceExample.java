package org.finetunelab.text;

import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One preference: an instruction, the answer people preferred and the one they did not. A JSON Lines file of them
 * has the fields {@code instruction}, {@code chosen} and {@code rejected} (other fields are ignored).
 */
public record PreferenceExample(String instruction, String chosen, String rejected) {
    public static final List<String> FIELDS = List.of("instruction", "chosen", "rejected");

    /** Reads a JSON Lines file; problems are reported with the file, line and field. */
    public static List<PreferenceExample> load(Path file) {
        Table t = JsonlDataset.load(file, FIELDS);
        List<PreferenceExample> out = new ArrayList<>();
        for (int row = 0; row < t.rowCount(); row++) {
            out.add(new PreferenceExample(t.stringColumn("instruction").get(row), t.stringColumn("chosen").get(row),
                    t.stringColumn("rejected").get(row)));
        }
        return out;
    }
}
