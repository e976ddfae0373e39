package org.finetunelab.text.corpus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ambrose Bierce's "The Devil's Dictionary" (public domain) from its dictd files. An article
 * {@code "ACCORDION, n.  An instrument in harmony with ..."} becomes
 * {@code "Accordion (noun): An instrument in harmony with ..."}. Prose lines are joined; indented verse
 * keeps its line breaks; bracketed notes and cross-reference braces are removed.
 */
public final class DevilSource extends DictdSource {
    private static final Pattern ENTRY_START = Pattern.compile(
            "^([A-Z][A-Z0-9'\\- ]*?),\\s+((?:[a-z]+\\.\\s?)+)\\s*(.*)$", Pattern.DOTALL);

    /** Reads the files installed by {@code dict-devil}. */
    public DevilSource() {
        this(installed("devil", ".index"), installed("devil", ".dict.dz"));
    }

    public DevilSource(Path index, Path dict) {
        super("devil", "dict-devil", index, dict);
    }

    @Override
    Optional<String> articleText(String rawArticle) {
        return cleanArticle(rawArticle);
    }

    static Optional<String> cleanArticle(String raw) {
        List<String> lines = new ArrayList<>();
        StringBuilder prose = new StringBuilder();
        for (String line : raw.replace("\r", "").split("\n")) {
            if (line.isBlank() || line.startsWith("    ")) {
                flush(prose, lines);
                if (!line.isBlank()) {
                    lines.add(clean(line.trim()));
                }
            } else {
                TextNormalizer.appendWrapped(prose, line);
            }
        }
        flush(prose, lines);
        lines.removeIf(String::isBlank);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = ENTRY_START.matcher(lines.get(0));
        if (m.matches()) {
            String definition = m.group(3).trim();
            if (definition.isEmpty()) {
                lines.remove(0);
                if (lines.isEmpty()) {
                    return Optional.empty();
                }
                definition = lines.get(0);
            }
            lines.set(0, PartOfSpeech.label(titleCase(m.group(1).trim()), m.group(2)) + definition);
        }
        return Optional.of(String.join("\n", lines));
    }

    private static void flush(StringBuilder prose, List<String> lines) {
        if (prose.length() > 0) {
            lines.add(clean(prose.toString()));
            prose.setLength(0);
        }
    }

    private static String clean(String text) {
        return text.replaceAll("\\[[^\\]]*]", " ").replace("{", "").replace("}", "")
                .replaceAll("\\s+", " ").replaceAll(" ([,.;:])", "$1").trim();
    }

    /** "ACCORDION" reads better, and tokenizes better, as "Accordion". */
    static String titleCase(String upper) {
        String lower = upper.toLowerCase(Locale.ROOT);
        return lower.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
