package org.finetunelab.text.corpus;

import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Fortune cookies: quotations, jokes and short poems. A fortune file holds entries separated by lines
 * with a single {@code %}; each entry is one document and keeps its line breaks. The {@code .dat} index
 * files, the {@code .u8} links and pictures drawn in characters ({@code ascii-art}) are skipped.
 */
public final class FortuneSource implements CorpusSource {
    private static final Set<String> SKIPPED_FILES = Set.of("ascii-art");

    private final Path directory;

    /** Reads the files installed by {@code fortunes} (and {@code fortunes-min}). */
    public FortuneSource() {
        this(Path.of("/usr/share/games/fortunes"));
    }

    public FortuneSource(Path directory) {
        this.directory = directory;
    }

    @Override
    public String name() {
        return "fortunes";
    }

    @Override
    public String debianPackage() {
        return "fortunes";
    }

    @Override
    public List<Path> inputFiles() {
        if (!Files.isDirectory(directory)) {
            return List.of(directory.resolve("fortunes"));
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .filter(f -> !f.getFileName().toString().contains("."))
                    .filter(f -> !SKIPPED_FILES.contains(f.getFileName().toString()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list " + directory + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void read(Consumer<Document> sink) throws IOException {
        for (Path file : inputFiles()) {
            for (String fortune : splitFortunes(readLenient(file))) {
                sink.accept(new Document(name(), fortune));
            }
        }
    }

    /** Entries are separated by a line holding only "%". */
    static List<String> splitFortunes(String fileText) {
        List<String> fortunes = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : fileText.replace("\r", "").split("\n", -1)) {
            if (line.strip().equals("%")) {
                addIfNotBlank(current, fortunes);
            } else {
                current.append(line).append('\n');
            }
        }
        addIfNotBlank(current, fortunes);
        return fortunes;
    }

    private static void addIfNotBlank(StringBuilder current, List<String> fortunes) {
        String text = current.toString().strip();
        if (!text.isEmpty()) {
            fortunes.add(text);
        }
        current.setLength(0);
    }

    /** A few old fortune files are not valid UTF-8; a bad byte becomes U+FFFD, which the normalizer drops. */
    private static String readLenient(Path file) throws IOException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    }
}
