package org.finetunelab.text.corpus;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Builds the real corpus from the installed Debian packages (about 15-40 s on two cores). */
@Tag("slow")
class DebianCorpusBuildTest {
    @TempDir
    Path dir;

    @Test
    void theRealCorpusIsLargeAndFreeOfDictionaryMarkup() throws IOException {
        boolean installed = CorpusBuilder.debianSources().stream().allMatch(source -> {
            try {
                source.checkInstalled();
                return true;
            } catch (MissingSourceException e) {
                return false;
            }
        });
        assumeTrue(installed, "the Debian text packages are not all installed");

        CorpusStats stats = new CorpusBuilder().build(dir);
        assertTrue(stats.totalBytes() >= 20_000_000, "only " + stats.totalBytes() + " bytes");
        stats.sources().forEach(s -> assertTrue(s.documents() > 0 && s.validDocuments() > 0, s.toString()));

        long lines = 0;
        long markup = 0;
        try (BufferedReader reader = Files.newBufferedReader(dir.resolve("train.txt"))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines++;
                if (line.contains("[1913 Webster]") || line.contains("\\") || line.contains("{")) {
                    markup++;
                }
            }
        }
        assertTrue(markup * 1_000 < lines, markup + " of " + lines + " lines still carry markup");
    }
}
