package org.finetunelab.text;

import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A labelled text dataset split into training and held-out examples, read from JSON Lines:
 * <pre>
 * {"id": "r001", "text": "Lovely soup, rude waiter.", "label": "negative", "split": "train"}
 * </pre>
 * Reading and checking each line is {@link JsonlDataset}'s job (every problem names the file, line and
 * field); on top of that this class checks that {@code split} is {@value #TRAIN} or {@value #TEST}, that
 * both splits have examples, and that every label seen in the test split was also seen in training.
 *
 * <p>Labels are numbered in alphabetical order ({@code negative} = 0, {@code positive} = 1), so the
 * numbering does not depend on the order of the lines.
 */
public final class LabelledTexts {
    public static final String TRAIN = "train";
    public static final String TEST = "test";

    /**
     * One labelled text.
     *
     * @param id    the record's id ("" when the file has none)
     * @param text  the text to classify
     * @param label the label's name
     * @param line  the 1-based line of the file it came from, for messages
     */
    public record Example(String id, String text, String label, long line) {
    }

    private final Path file;
    private final List<String> labels;
    private final List<Example> train;
    private final List<Example> test;

    private LabelledTexts(Path file, List<String> labels, List<Example> train, List<Example> test) {
        this.file = file;
        this.labels = List.copyOf(labels);
        this.train = List.copyOf(train);
        this.test = List.copyOf(test);
    }

    /** Loads a file with the fields {@code text}, {@code label} and {@code split} ({@code id} optional). */
    public static LabelledTexts load(Path file) {
        return load(file, "text", "label", "split");
    }

    /** Loads a file whose text, label and split are in the named fields. */
    public static LabelledTexts load(Path file, String textField, String labelField, String splitField) {
        Table table = JsonlDataset.load(file, List.of(textField, labelField, splitField), List.of("id"));
        long[] lines = recordLines(file);
        List<Example> train = new ArrayList<>();
        List<Example> test = new ArrayList<>();
        for (int row = 0; row < table.rowCount(); row++) {
            long line = lines[row];
            String split = table.stringColumn(splitField).get(row).strip();
            Example e = new Example(table.stringColumn("id").get(row), table.stringColumn(textField).get(row),
                    table.stringColumn(labelField).get(row).strip(), line);
            switch (split) {
                case TRAIN -> train.add(e);
                case TEST -> test.add(e);
                default -> throw new DatasetException(file, line, splitField, "field '" + splitField + "' is '" + split
                        + "', which is not a split this loader knows", "write \"" + TRAIN + "\" or \"" + TEST + "\"");
            }
        }
        requireNotEmpty(file, splitField, TRAIN, train);
        requireNotEmpty(file, splitField, TEST, test);
        TreeSet<String> labels = new TreeSet<>();
        train.forEach(e -> labels.add(e.label()));
        for (Example e : test) {
            if (!labels.contains(e.label())) {
                throw new DatasetException(file, e.line(), labelField, "label '" + e.label() + "' appears in the "
                        + TEST + " split but never in " + TRAIN + " (training labels: " + labels + ")",
                        "add training examples with this label, or correct its spelling");
            }
        }
        if (labels.size() < 2) {
            throw new DatasetException(file, 0, labelField, "the " + TRAIN + " split has only the label " + labels
                    + "; a classifier needs at least two", "add examples of the other classes");
        }
        return new LabelledTexts(file, new ArrayList<>(labels), train, test);
    }

    private static void requireNotEmpty(Path file, String splitField, String split, List<Example> examples) {
        if (examples.isEmpty()) {
            throw new DatasetException(file, 0, splitField, "no record has \"" + splitField + "\": \"" + split
                    + "\", so the " + split + " split is empty", "mark some records as \"" + split + "\" (a held-out "
                    + TEST + " split of 10-20% is usual)");
        }
    }

    /**
     * The file line of every record, in order. {@link JsonlDataset} skips blank lines, so the n-th record is
     * on the n-th non-blank line.
     */
    private static long[] recordLines(Path file) {
        String text = JsonlDataset.readUtf8(file);
        List<Long> lines = new ArrayList<>();
        long lineNumber = 0;
        for (String line : text.split("\n", -1)) {
            lineNumber++;
            if (!line.isBlank()) {
                lines.add(lineNumber);
            }
        }
        return lines.stream().mapToLong(Long::longValue).toArray();
    }

    public Path file() {
        return file;
    }

    /** The label names in a stable (alphabetical) order; a label's class id is its index here. */
    public List<String> labels() {
        return labels;
    }

    /** The class id of {@code label}. */
    public int labelIndex(String label) {
        int i = labels.indexOf(label);
        if (i < 0) {
            throw new IllegalArgumentException("unknown label '" + label + "'; the labels of " + file + " are " + labels);
        }
        return i;
    }

    public List<Example> train() {
        return train;
    }

    public List<Example> test() {
        return test;
    }

    /** The same labels and held-out split with another training split: a subset, or examples relabelled. */
    public LabelledTexts withTrain(List<Example> examples) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException(file + ": an empty training split; give at least one example");
        }
        for (Example e : examples) {
            labelIndex(e.label());   // a label outside this data's labels fails here, naming the labels
        }
        return new LabelledTexts(file, labels, examples, test);
    }

    /** How many examples of each label a split has, e.g. {@code {negative=288, positive=288}}. */
    public static Map<String, Integer> counts(List<Example> examples) {
        Map<String, Integer> out = new TreeMap<>();
        examples.forEach(e -> out.merge(e.label(), 1, Integer::sum));
        return out;
    }

    @Override
    public String toString() {
        return String.format("%s: %d train %s, %d test %s", file.getFileName(), train.size(), counts(train),
                test.size(), counts(test));
    }
}
