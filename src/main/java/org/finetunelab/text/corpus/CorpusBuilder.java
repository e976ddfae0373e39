package org.finetunelab.text.corpus;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Builds the general English pretraining corpus from text packages installed from Debian.
 *
 * <p>Every source is read into documents; each document is normalized ({@link TextNormalizer}), dropped if
 * it repeats an earlier one ({@link Deduplicator}), and put in the train or validation split by a hash of
 * its text ({@link SplitAssigner}). The knowledge facts are then added to the training split, each repeated
 * {@link CorpusConfig#knowledgeRepeats()} times, and the training documents are shuffled with the seed so
 * that facts and sources are spread evenly. Output, in the chosen folder:
 * <ul>
 *   <li>{@code train.txt}, {@code valid.txt}: UTF-8 documents, each followed by a line {@code <|endoftext|>}</li>
 *   <li>{@code knowledge.txt}: the facts, one per line, once each</li>
 *   <li>{@code stats.json}: sizes and counts, see {@link CorpusStats}</li>
 * </ul>
 * A build is skipped when {@code stats.json} records the same fingerprint (source files' sizes and dates,
 * the facts, the settings, {@link #FORMAT_VERSION}). Files are written to a temporary name and renamed, and
 * {@code stats.json} comes last, so an interrupted build is never mistaken for a finished one.
 */
public final class CorpusBuilder {
    /** Where the corpus goes unless told otherwise (relative to the repository root). */
    public static final Path DEFAULT_OUTPUT = Path.of("target/corpus");
    /** Raise this whenever a cleaning rule changes, so that existing corpora are rebuilt. */
    public static final int FORMAT_VERSION = 1;

    private static final String[] OUTPUT_FILES = {"train.txt", "valid.txt", "knowledge.txt", "stats.json"};
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private final CorpusConfig config;
    private final List<CorpusSource> sources;
    private final CorpusProgress progress;

    /** The Debian sources with the default settings. */
    public CorpusBuilder() {
        this(CorpusConfig.defaults(), debianSources(), CorpusProgress.NONE);
    }

    public CorpusBuilder(CorpusConfig config, List<CorpusSource> sources, CorpusProgress progress) {
        this.config = config;
        this.sources = List.copyOf(sources);
        this.progress = progress == null ? CorpusProgress.NONE : progress;
    }

    /** The six Debian text packages the corpus is made of, in reading order. */
    public static List<CorpusSource> debianSources() {
        return List.of(new GcideSource(), new WordNetSource(), new KjvBibleSource(), new FortuneSource(),
                new DevilSource(), new JargonSource());
    }

    /** Builds into {@link #DEFAULT_OUTPUT}. */
    public CorpusStats build() throws IOException {
        return build(DEFAULT_OUTPUT);
    }

    /** Builds into {@code outDir}, or returns the recorded statistics when it is already up to date. */
    public CorpusStats build(Path outDir) throws IOException {
        long start = System.nanoTime();
        int steps = sources.size() + 2;
        sources.forEach(CorpusSource::checkInstalled);
        List<Fact> facts = loadFacts();
        String fingerprint = fingerprint(facts);
        CorpusStats existing = readStats(outDir);
        if (existing != null && existing.fingerprint().equals(fingerprint) && outputsExist(outDir)) {
            progress.update("up to date", steps, steps);
            return existing.asSkipped();
        }
        Files.createDirectories(outDir);
        Files.deleteIfExists(outDir.resolve("stats.json"));

        TextNormalizer normalizer = new TextNormalizer();
        Deduplicator deduplicator = new Deduplicator();
        SplitAssigner splitter = new SplitAssigner(config.validFraction());
        List<String> train = new ArrayList<>();
        List<String> valid = new ArrayList<>();
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            CorpusSource source = sources.get(i);
            progress.update("reading " + source.name() + " (" + source.debianPackage() + ")", i, steps);
            Tally tally = tallies.computeIfAbsent(source.name(), n -> new Tally(source.debianPackage()));
            source.read(document -> {
                String text = normalizer.normalize(document.text());
                if (text.isEmpty()) {
                    return;
                }
                if (!deduplicator.isNew(text)) {
                    tally.duplicates++;
                    return;
                }
                tally.documents++;
                tally.bytes += utf8Length(text);
                if (splitter.assign(text) == SplitAssigner.Split.VALID) {
                    tally.valid++;
                    valid.add(text);
                } else {
                    train.add(text);
                }
            });
        }

        progress.update("mixing in " + facts.size() + " facts x " + config.knowledgeRepeats(), sources.size(), steps);
        long knowledgeBytes = 0;
        for (int r = 0; r < config.knowledgeRepeats(); r++) {
            for (Fact fact : facts) {
                train.add(fact.text());
                knowledgeBytes += utf8Length(fact.text());
            }
        }
        Collections.shuffle(train, new Random(config.seed()));
        Collections.shuffle(valid, new Random(config.seed() + 1));

        progress.update("writing " + outDir, sources.size() + 1, steps);
        writeDocuments(outDir.resolve("train.txt"), train);
        writeDocuments(outDir.resolve("valid.txt"), valid);
        writeAtomically(outDir.resolve("knowledge.txt"), knowledgeText(facts));

        List<CorpusStats.SourceStats> perSource = new ArrayList<>();
        int duplicates = 0;
        for (Map.Entry<String, Tally> e : tallies.entrySet()) {
            Tally t = e.getValue();
            perSource.add(new CorpusStats.SourceStats(e.getKey(), t.debianPackage, t.documents, t.valid, t.bytes,
                    t.duplicates));
            duplicates += t.duplicates;
        }
        double seconds = Math.round((System.nanoTime() - start) / 1e7) / 100.0;
        CorpusStats stats = new CorpusStats(fingerprint, false, seconds, Files.size(outDir.resolve("train.txt")),
                Files.size(outDir.resolve("valid.txt")), knowledgeBytes, train.size(), valid.size(), facts.size(),
                config.knowledgeRepeats(), duplicates, perSource);
        writeAtomically(outDir.resolve("stats.json"), GSON.toJson(stats) + "\n");
        progress.update("done", steps, steps);
        return stats;
    }

    private List<Fact> loadFacts() throws IOException {
        Path file = config.knowledgeFile();
        if (file == null) {
            return List.of();
        }
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("Knowledge file " + file.toAbsolutePath() + " not found. Run from "
                    + "the repository root, or pass its path with CorpusConfig.withKnowledgeFile(...) "
                    + "(null builds the corpus without facts).");
        }
        return KnowledgeSet.load(file);
    }

    /** A hash of everything the output depends on. */
    private String fingerprint(List<Fact> facts) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        StringBuilder what = new StringBuilder("format ").append(FORMAT_VERSION).append('\n')
                .append(config.knowledgeRepeats()).append(' ').append(config.seed()).append(' ')
                .append(config.validFraction()).append('\n');
        for (CorpusSource source : sources) {
            what.append(source.name()).append('\n');
            for (Path file : source.inputFiles()) {
                what.append(file.toAbsolutePath()).append(' ').append(Files.size(file)).append(' ')
                        .append(Files.getLastModifiedTime(file).toMillis()).append('\n');
            }
        }
        for (Fact fact : facts) {
            what.append(fact).append('\n');
        }
        return HexFormat.of().formatHex(digest.digest(what.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static CorpusStats readStats(Path outDir) {
        Path file = outDir.resolve("stats.json");
        if (!Files.isReadable(file)) {
            return null;
        }
        try {
            CorpusStats stats = GSON.fromJson(Files.readString(file), CorpusStats.class);
            return stats == null || stats.fingerprint() == null ? null : stats;
        } catch (IOException | JsonParseException e) {
            return null; // unreadable statistics: build again
        }
    }

    private static boolean outputsExist(Path outDir) {
        for (String name : OUTPUT_FILES) {
            if (!Files.isRegularFile(outDir.resolve(name))) {
                return false;
            }
        }
        return true;
    }

    private static String knowledgeText(List<Fact> facts) {
        StringBuilder text = new StringBuilder();
        facts.forEach(f -> text.append(f.text()).append('\n'));
        return text.toString();
    }

    private static void writeDocuments(Path target, List<String> documents) throws IOException {
        Path temporary = temporaryFor(target);
        try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            for (String document : documents) {
                out.write(document);
                out.write('\n');
                out.write(TextNormalizer.SEPARATOR);
                out.write('\n');
            }
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void writeAtomically(Path target, String content) throws IOException {
        Path temporary = temporaryFor(target);
        Files.writeString(temporary, content, StandardCharsets.UTF_8);
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Path temporaryFor(Path target) {
        return target.resolveSibling(target.getFileName() + ".tmp");
    }

    static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** Running counts for one source. */
    private static final class Tally {
        final String debianPackage;
        int documents;
        int valid;
        int duplicates;
        long bytes;

        Tally(String debianPackage) {
            this.debianPackage = debianPackage;
        }
    }
}
