package org.finetunelab.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns an instruction example (instruction, optional input, response) into the text the model reads: a
 * prompt part, which the model only conditions on, and a response part, which it learns to write.
 *
 * <p>A template has three formats. {@code prompt} holds {@code {instruction}} and may hold
 * {@code {input}}, which becomes the {@code input} format filled with the example's input, or nothing when
 * the example has none. {@code input} holds {@code {input}}; {@code response} holds {@code {response}}.
 * Braces that do not form such a name are kept as they are.
 *
 * <p>The formats are cut into pieces once, when the template is made, and rendering joins the pieces with
 * the user's text: that text is inserted literally and never read for placeholders, so an instruction that
 * contains {@code {response}} or the template's own markers cannot change the template.
 */
public final class PromptTemplate {
    /** Plain-text sections with headings, for base models that have never seen a chat format. */
    public static final PromptTemplate INSTRUCTION = new PromptTemplate("instruction",
            "### Task\n{instruction}\n\n{input}### Answer\n", "### Context\n{input}\n\n", "{response}");

    /** Role markers, like the chat formats of assistant models. */
    public static final PromptTemplate CHAT = new PromptTemplate("chat",
            "<|user|>\n{instruction}{input}\n<|assistant|>\n", "\n\n{input}", "{response}");

    private static final List<PromptTemplate> BUILT_IN = List.of(INSTRUCTION, CHAT);

    private final String name;
    private final List<Piece> prompt;
    private final List<Piece> input;
    private final List<Piece> response;

    /**
     * @throws IllegalArgumentException when a format names a placeholder it may not use, or lacks the one
     *                                  it needs; the message names the template, the format and the fix
     */
    public PromptTemplate(String name, String prompt, String input, String response) {
        this.name = name;
        this.prompt = parse(name, "prompt", prompt, Set.of("instruction", "input"), "instruction");
        this.input = parse(name, "input", input, Set.of("input"), "input");
        this.response = parse(name, "response", response, Set.of("response"), "response");
    }

    /** A built-in template by name: {@code instruction} or {@code chat}. */
    public static PromptTemplate named(String name) {
        for (PromptTemplate t : BUILT_IN) {
            if (t.name.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no prompt template named '" + name + "'; the built-in ones are "
                + BUILT_IN.stream().map(t -> "'" + t.name + "'").toList() + ", or make your own with new PromptTemplate(...)");
    }

    /**
     * The prompt and the response of one example; {@code input} may be null or empty.
     *
     * @throws IllegalArgumentException when the instruction or the response is null
     */
    public Rendered render(String instruction, String input, String response) {
        if (instruction == null || response == null) {
            // Without this check a missing value would be rendered as the word "null" and learned.
            throw new IllegalArgumentException("prompt template '" + name + "': the " + (instruction == null ? "instruction"
                    : "response") + " is null; pass the text (\"\" for the prompt alone, as prompt(...) does)");
        }
        boolean hasInput = input != null && !input.isEmpty();
        StringBuilder p = new StringBuilder();
        for (Piece piece : prompt) {
            if (piece.placeholder() == null) {
                p.append(piece.text());
            } else if (piece.placeholder().equals("instruction")) {
                p.append(instruction);
            } else if (hasInput) {
                append(p, this.input, input);
            }
        }
        StringBuilder r = new StringBuilder();
        append(r, this.response, response);
        return new Rendered(p.toString(), r.toString());
    }

    /** The prompt alone, to ask a trained model for a response. */
    public String prompt(String instruction, String input) {
        return render(instruction, input, "").prompt();
    }

    private static void append(StringBuilder out, List<Piece> pieces, String value) {
        for (Piece piece : pieces) {
            out.append(piece.placeholder() == null ? piece.text() : value);
        }
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "PromptTemplate[" + name + "]";
    }

    /** A rendered example: the model reads {@code prompt + response} and learns only the response. */
    public record Rendered(String prompt, String response) {
    }

    /** Literal text, or a placeholder name (text is then null). */
    private record Piece(String text, String placeholder) {
    }

    private static List<Piece> parse(String template, String format, String text, Set<String> allowed, String required) {
        if (text == null) {
            throw new IllegalArgumentException("prompt template '" + template + "': the " + format + " format is missing");
        }
        List<Piece> pieces = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        boolean hasRequired = false;
        int i = 0;
        while (i < text.length()) {
            int close = text.charAt(i) == '{' ? placeholderEnd(text, i) : -1;
            if (close < 0) {
                literal.append(text.charAt(i++));
                continue;
            }
            String placeholder = text.substring(i + 1, close);
            if (!allowed.contains(placeholder)) {
                throw new IllegalArgumentException("prompt template '" + template + "': the " + format + " format has "
                        + "an unknown placeholder {" + placeholder + "}; it may use " + allowed.stream().sorted()
                        .map(a -> "{" + a + "}").toList() + ". Fix the spelling, or remove the braces");
            }
            hasRequired |= placeholder.equals(required);
            if (!literal.isEmpty()) {
                pieces.add(new Piece(literal.toString(), null));
                literal.setLength(0);
            }
            pieces.add(new Piece(null, placeholder));
            i = close + 1;
        }
        if (!literal.isEmpty()) {
            pieces.add(new Piece(literal.toString(), null));
        }
        if (!hasRequired) {
            throw new IllegalArgumentException("prompt template '" + template + "': the " + format + " format must contain {"
                    + required + "}, which is where the example's " + required + " goes");
        }
        return List.copyOf(pieces);
    }

    /** Index of the '}' closing a placeholder name (letters and '_') that starts at {@code open}, or -1. */
    private static int placeholderEnd(String text, int open) {
        int j = open + 1;
        while (j < text.length() && (Character.isLetter(text.charAt(j)) || text.charAt(j) == '_')) {
            j++;
        }
        return j > open + 1 && j < text.length() && text.charAt(j) == '}' ? j : -1;
    }
}
