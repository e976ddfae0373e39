package org.finetunelab.text;

import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An instruction-tuning dataset: a JSON Lines file with the fields {@code instruction}, {@code response}
 * and an optional {@code input}, rendered with a {@link PromptTemplate} and encoded into token ids.
 *
 * <pre>
 * {"instruction": "Name a colour.", "response": "Teal."}
 * {"instruction": "Translate to French.", "input": "good morning", "response": "bonjour"}
 * </pre>
 *
 * The prompt and the response are encoded separately and joined, so the boundary between what the model
 * reads and what it learns is exact (a BPE merge can never join the last prompt character with the first
 * response character). The end-of-text token closes every response, so the model learns to stop.
 *
 * <p>A field that contains the text {@code <|endoftext|>} is refused: the tokenizer would turn it into the
 * end-of-text token, not into characters.
 *
 * <p>Examples longer than the context are cut or refused, as {@link OverLength} says; {@link #warnings()}
 * lists every example that was cut or left out, with its file and line.
 */
public final class InstructionDataset {
    public static final List<String> REQUIRED = List.of("instruction", "response");
    public static final List<String> OPTIONAL = List.of("input");
    private static final List<String> FIELDS = List.of("instruction", "input", "response");

    private final Path file;
    private final int contextLength;
    private final List<InstructionExample> examples;
    private final List<String> warnings;

    private InstructionDataset(Path file, int contextLength, List<InstructionExample> examples, List<String> warnings) {
        this.file = file;
        this.contextLength = contextLength;
        this.examples = List.copyOf(examples);
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Loads and encodes {@code file}.
     *
     * @param contextLength the most tokens one example may have (the model's context length)
     * @throws DatasetException when the file cannot be read as instruction data, when a field contains
     *                          {@code <|endoftext|>}, when an example is too long under
     *                          {@link OverLength#REFUSE}, or when no example is left
     */
    public static InstructionDataset load(Path file, Tokenizer tokenizer, PromptTemplate template, int contextLength,
                                          OverLength overLength) {
        if (contextLength < 2) {
            throw new IllegalArgumentException("contextLength must be at least 2 (a prompt token and a response token), got "
                    + contextLength);
        }
        Table table = JsonlDataset.load(file, REQUIRED, OPTIONAL);
        long[] lines = recordLines(file);
        int endOfText = tokenizer.endOfTextId();
        List<InstructionExample> examples = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (int row = 0; row < table.rowCount(); row++) {
            long line = lines[row];
            for (String field : FIELDS) {
                refuseEndOfText(file, line, field, table.stringColumn(field).get(row));
            }
            PromptTemplate.Rendered text = template.render(table.stringColumn("instruction").get(row),
                    table.stringColumn("input").get(row), table.stringColumn("response").get(row));
            int[] prompt = tokenizer.encode(text.prompt());
            int[] response = tokenizer.encode(text.response());
            int total = prompt.length + response.length + 1;
            if (total <= contextLength) {
                examples.add(new InstructionExample(file, line, join(prompt, response, endOfText, total), prompt.length, false));
                continue;
            }
            String size = total + " tokens (prompt " + prompt.length + ", response " + response.length
                    + ", end of text 1), more than the context length " + contextLength;
            if (overLength == OverLength.REFUSE) {
                throw new DatasetException(file, line, null, "the example has " + size, "shorten the instruction, input or "
                        + "response on this line, or load with OverLength.TRUNCATE to cut long examples to the context");
            }
            if (prompt.length >= contextLength) {
                warnings.add(file + ", line " + line + ": left out: the prompt alone has " + prompt.length
                        + " tokens, so no response fits in the context of " + contextLength + " (shorten the instruction or input)");
                continue;
            }
            warnings.add(file + ", line " + line + ": cut from " + size + "; the model learns only the first "
                    + (contextLength - prompt.length) + " response tokens and not where the response ends");
            examples.add(new InstructionExample(file, line, join(prompt, response, endOfText, contextLength), prompt.length, true));
        }
        if (examples.isEmpty()) {
            throw new DatasetException(file, 0, null, "no example fits in the context of " + contextLength + " tokens",
                    "shorten the prompts, or use a model with a longer context");
        }
        return new InstructionDataset(file, contextLength, examples, warnings);
    }

    /**
     * The tokenizer reads the text {@code <|endoftext|>} as the end-of-text token itself, not as characters: in
     * a response the model would learn to stop there, in a prompt it would see a document boundary.
     */
    private static void refuseEndOfText(Path file, long line, String field, String value) {
        if (value.contains(Tokenizer.END_OF_TEXT)) {
            throw new DatasetException(file, line, field, "field '" + field + "' contains " + Tokenizer.END_OF_TEXT
                    + ", which the tokenizer reads as the end-of-text token, not as text", "remove it, or write it "
                    + "differently (e.g. <|end of text|>) if the text is about that token");
        }
    }

    /** The first {@code length} of prompt, response, end of text. */
    private static int[] join(int[] prompt, int[] response, int endOfText, int length) {
        int[] out = new int[length];
        int n = Math.min(prompt.length, length);
        System.arraycopy(prompt, 0, out, 0, n);
        int r = Math.min(response.length, length - n);
        System.arraycopy(response, 0, out, n, r);
        if (n + r < length) {
            out[n + r] = endOfText;
        }
        return out;
    }

    /** The line number of each record, in order: the non-blank lines, as {@link JsonlDataset} reads them. */
    private static long[] recordLines(Path file) {
        String text = JsonlDataset.readUtf8(file);
        List<Long> lines = new ArrayList<>();
        long number = 0;
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            number++;
            if (!text.substring(start, end).isBlank()) {
                lines.add(number);
            }
            start = end + 1;
        }
        return lines.stream().mapToLong(Long::longValue).toArray();
    }

    public List<InstructionExample> examples() {
        return examples;
    }

    /**
     * One line per example that was cut or left out ({@link OverLength#TRUNCATE}), naming its file and line.
     * Print them: a notebook or the command line shows them so that nothing is lost silently.
     */
    public List<String> warnings() {
        return warnings;
    }

    public int size() {
        return examples.size();
    }

    public int contextLength() {
        return contextLength;
    }

    public Path file() {
        return file;
    }

    @Override
    public String toString() {
        return "InstructionDataset[" + file + ", " + examples.size() + " examples, " + warnings.size() + " warnings]";
    }
}
