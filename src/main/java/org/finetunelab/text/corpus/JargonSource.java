package org.finetunelab.text.corpus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Jargon File (hacker slang, public domain) from its dictd files. An article looks like
 * <pre>
 * hacker
 *  /hak'r/, n.
 *
 *     [originally, someone who makes furniture with an axe]
 *
 *     1. A person who enjoys exploring the details of programmable systems ...
 * </pre>
 * and becomes {@code "hacker (noun): A person who enjoys ..."}. The pronunciation line and the bracketed
 * origin note are dropped, sense numbers and cross-reference braces removed, and deeper-indented example
 * lines kept as separate lines.
 */
public final class JargonSource extends DictdSource {
    /** Reads the files installed by {@code dict-jargon}. */
    public JargonSource() {
        this(installed("jargon", ".index"), installed("jargon", ".dict.dz"));
    }

    public JargonSource(Path index, Path dict) {
        super("jargon", "dict-jargon", index, dict);
    }

    @Override
    Optional<String> articleText(String rawArticle) {
        return cleanArticle(rawArticle);
    }

    static Optional<String> cleanArticle(String raw) {
        String[] lines = raw.replace("\r", "").split("\n");
        String headword = lines[0].trim();
        String partOfSpeech = "";
        int i = 1;
        // Header lines are indented by one space: pronunciation in slashes and the part of speech.
        while (i < lines.length && lines[i].startsWith(" ") && !lines[i].startsWith("  ") && !lines[i].isBlank()) {
            String pos = lines[i].replaceAll("/[^/]*/", " ").replace(",", " ").trim();
            if (partOfSpeech.isEmpty()) {
                partOfSpeech = pos;
            }
            i++;
        }
        List<String> paragraphs = new ArrayList<>();
        StringBuilder prose = new StringBuilder();
        List<String> block = new ArrayList<>();
        for (; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                flush(prose, paragraphs);
                flushBlock(block, paragraphs);
            } else if (indentOf(line) > 4) {
                flush(prose, paragraphs);
                block.add(line.trim().replace("{", "").replace("}", ""));
            } else {
                flushBlock(block, paragraphs);
                TextNormalizer.appendWrapped(prose, line);
            }
        }
        flush(prose, paragraphs);
        flushBlock(block, paragraphs);
        if (paragraphs.isEmpty()) {
            return Optional.empty();
        }
        paragraphs.set(0, PartOfSpeech.label(headword, partOfSpeech) + paragraphs.get(0));
        return Optional.of(String.join("\n", paragraphs));
    }

    private static void flush(StringBuilder prose, List<String> paragraphs) {
        if (prose.length() == 0) {
            return;
        }
        String p = prose.toString().replaceAll("\\s+", " ").trim();
        prose.setLength(0);
        if (p.matches("\\[[^\\]]*]")) {
            return; // an origin note like "[ABnormal END]"
        }
        p = p.replaceFirst("^\\d+\\.\\s+", "").replaceFirst("^\\[[^\\]]*]\\s*", "");
        addIfReadable(p.replace("{", "").replace("}", ""), paragraphs);
    }

    /**
     * A deeper-indented block is either a quotation wrapped over several lines (joined into one line) or an
     * example, a table or a piece of code (kept line by line; the normalizer drops lines that are not text).
     */
    private static void flushBlock(List<String> block, List<String> paragraphs) {
        if (block.isEmpty()) {
            return;
        }
        boolean wrappedProse = block.stream().allMatch(TextNormalizer::isText)
                && block.subList(0, block.size() - 1).stream().allMatch(line -> line.length() > 40);
        if (wrappedProse) {
            addIfReadable(String.join(" ", block), paragraphs);
        } else {
            block.forEach(line -> addIfReadable(line, paragraphs));
        }
        block.clear();
    }

    private static void addIfReadable(String text, List<String> paragraphs) {
        if (GcideSource.letterCount(text) >= 3) {
            paragraphs.add(text);
        }
    }

    private static int indentOf(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }
}
