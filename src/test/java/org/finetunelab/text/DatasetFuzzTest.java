package org.finetunelab.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Feeds the loaders garbage: they must either load a table or throw a DatasetException, nothing else. */
class DatasetFuzzTest {
    private static final List<String> PIECES = List.of("{", "}", "[", "]", "\"", ":", ",", " ", "\n", "\r\n", "\"prompt\"",
            "\"response\"", "\"text\"", "null", "true", "42", "-1.5e300", "\\", "\\u", "\\u00e9", "\\n", "\\\"", "é",
            "🌧", "\t", "\u0000", "'", "\uFEFF", "prompt", "response", "\"\"", "1e99999", "{\"prompt\":\"ok\"}\n");

    @TempDir
    Path dir;

    @Test
    void randomBytesOnlyEverGiveDatasetExceptions() throws IOException {
        Random random = new Random(11);
        for (int i = 0; i < 300; i++) {
            byte[] bytes = new byte[random.nextInt(200)];
            random.nextBytes(bytes);
            checkBothLoaders(bytes);
        }
    }

    @Test
    void randomJsonLikeLinesOnlyEverGiveDatasetExceptions() throws IOException {
        Random random = new Random(12);
        int loaded = 0;
        for (int i = 0; i < 1500; i++) {
            StringBuilder text = new StringBuilder();
            int pieces = random.nextInt(40);
            for (int p = 0; p < pieces; p++) {
                text.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            loaded += checkBothLoaders(text.toString().getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(loaded > 0, "the fuzz never produced a loadable file: the pieces are too random to test much");
    }

    @Test
    void hugeLinesAndDeepNestingOnlyEverGiveDatasetExceptions() throws IOException {
        String longText = "x".repeat(2_000_000);
        checkBothLoaders(("{\"prompt\": \"" + longText + "\"}\n").getBytes(StandardCharsets.UTF_8));
        checkBothLoaders(("{\"prompt\": \"" + longText).getBytes(StandardCharsets.UTF_8));
        checkBothLoaders(("[".repeat(100_000)).getBytes(StandardCharsets.UTF_8));
        checkBothLoaders(("{\"prompt\": \"a\", \"deep\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}")
                .getBytes(StandardCharsets.UTF_8));
        checkBothLoaders(("\"".repeat(1_000_001)).getBytes(StandardCharsets.UTF_8));

        Path file = write(("{\"prompt\": \"" + longText + "\"}\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(longText.length(), JsonlDataset.load(file, List.of("prompt")).stringColumn("prompt").get(0).length());
    }

    /** Runs both loaders on {@code bytes}; returns how many produced a table. */
    private int checkBothLoaders(byte[] bytes) throws IOException {
        Path file = write(bytes);
        return check(bytes, f -> JsonlDataset.load(f, List.of("prompt"), List.of("response")), file)
                + check(bytes, f -> CsvDataset.load(f, List.of("prompt"), List.of("response")), file);
    }

    private static int check(byte[] bytes, Function<Path, Table> loader, Path file) {
        try {
            Table table = loader.apply(file);
            assertTrue(table.rowCount() > 0);
            return 1;
        } catch (DatasetException e) {
            assertTrue(e.getMessage().contains("Fix: "), e.getMessage());
            return 0;
        } catch (RuntimeException | StackOverflowError e) {
            ByteArrayOutputStream shown = new ByteArrayOutputStream();
            shown.write(bytes, 0, Math.min(bytes.length, 200));
            fail("unexpected " + e + " for input " + shown.toString(StandardCharsets.ISO_8859_1), e);
            return 0;
        }
    }

    private Path write(byte[] bytes) throws IOException {
        Path file = dir.resolve("fuzz.data");
        Files.write(file, bytes);
        return file;
    }
}
