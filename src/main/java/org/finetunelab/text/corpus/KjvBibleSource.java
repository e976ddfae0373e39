package org.finetunelab.text.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The King James Bible (1611, public domain), one document per chapter: the chapter's name on the first
 * line, then its verses as running text without verse numbers.
 *
 * <p>Debian's {@code bible-kjv-text} stores the text in the compressed format of the Bible Retrieval
 * System, which only its companion program {@code bible} (package {@code bible-kjv}) decodes, so this source
 * runs that program once and parses its plain output:
 * <pre>
 * Genesis 1
 *
 *   1 In the beginning God created the heaven and the earth.
 *   2 And the earth was without form, and void; ...
 * </pre>
 */
public final class KjvBibleSource implements CorpusSource {
    private static final Pattern CHAPTER_HEADING = Pattern.compile("^(\\S.*\\S) (\\d+)$");
    private static final Pattern VERSE = Pattern.compile("^\\s+\\d+ (.*)$");
    /** The whole Bible, from the first verse of Genesis to the last of Revelation. */
    private static final String ALL_VERSES = "Gen1:1-Rev22:21";

    private final Path program;
    private final Path data;

    /** Uses {@code /usr/bin/bible} and {@code /usr/lib/bible.data}. */
    public KjvBibleSource() {
        this(Path.of("/usr/bin/bible"), Path.of("/usr/lib/bible.data"));
    }

    public KjvBibleSource(Path program, Path data) {
        this.program = program;
        this.data = data;
    }

    @Override
    public String name() {
        return "kjv";
    }

    @Override
    public String debianPackage() {
        return "bible-kjv-text";
    }

    @Override
    public List<Path> inputFiles() {
        return List.of(data, program);
    }

    @Override
    public void checkInstalled() {
        if (!Files.isReadable(data)) {
            throw new MissingSourceException(name(), "bible-kjv-text", data);
        }
        if (!Files.isExecutable(program)) {
            throw new MissingSourceException(name(), "bible-kjv", program);
        }
    }

    @Override
    public void read(Consumer<Document> sink) throws IOException {
        // A very wide line keeps each verse on one line; -p and -d name the data file's folder and name.
        Path folder = data.toAbsolutePath().getParent();
        ProcessBuilder builder = new ProcessBuilder(program.toString(), "-l100000",
                "-p", folder.toString(), "-d", data.getFileName().toString(), ALL_VERSES);
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroy();
                throw new IOException("'" + program + " " + ALL_VERSES + "' failed; its output ends with: "
                        + output.substring(Math.max(0, output.length() - 300)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while reading the Bible", e);
        }
        List<String> chapters = chapters(output);
        if (chapters.size() < 1000) {
            throw new IOException("Expected the 1189 chapters of the King James Bible from " + program
                    + ", got " + chapters.size() + ". Reinstall with: sudo apt-get install --reinstall bible-kjv bible-kjv-text");
        }
        chapters.forEach(chapter -> sink.accept(new Document(name(), chapter)));
    }

    /** Parses the program's output into "Book N\nverse verse verse ..." documents. */
    static List<String> chapters(String output) {
        List<String> chapters = new ArrayList<>();
        String heading = null;
        StringBuilder verses = new StringBuilder();
        for (String line : output.replace("\r", "").split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher chapter = CHAPTER_HEADING.matcher(line);
            Matcher verse = VERSE.matcher(line);
            if (!line.startsWith(" ") && chapter.matches()) {
                addChapter(heading, verses, chapters);
                heading = chapter.group(1) + " " + chapter.group(2);
            } else if (verse.matches()) {
                verses.append(verse.group(1).trim()).append(' ');
            } else {
                verses.append(line.trim()).append(' '); // a verse wrapped onto a second line
            }
        }
        addChapter(heading, verses, chapters);
        return chapters;
    }

    private static void addChapter(String heading, StringBuilder verses, List<String> chapters) {
        if (heading != null && verses.length() > 0) {
            chapters.add(heading + "\n" + verses.toString().trim());
        }
        verses.setLength(0);
    }
}
