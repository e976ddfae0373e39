package org.finetunelab.results;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every figure the README quotes from a study or a measurement is the one its results file holds. */
class ReadmeResultsTest {
    static final Path README = Path.of("README.md");
    static final Path RESULTS = Path.of("docs/results");

    @Test
    void theReadmeQuotesItsResultsFiles() throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        assertEquals(ReadmeResults.BLOCKS, ReadmeBlocks.names(readme), "the README has a generated part per results file");
        for (String name : ReadmeResults.BLOCKS) {
            assertEquals(ReadmeResults.render(name, RESULTS), ReadmeBlocks.content(readme, name),
                    "README.md's figures from docs/results/" + name + ".csv differ from that file: run"
                            + " ./lab finetune results (or ./lab reproduce) and commit both");
        }
    }

    @Test
    void aChangedFigureIsCaught() throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String block = ReadmeBlocks.content(readme, ReadmeResults.BASE_MODEL);
        String edited = ReadmeBlocks.replace(readme, ReadmeResults.BASE_MODEL, block.replaceFirst("\\*\\*[0-9.]+\\*\\*", "**1.0**"));
        assertEquals(List.of(ReadmeResults.BASE_MODEL), ReadmeResults.outdated(edited, RESULTS));
        assertTrue(ReadmeResults.outdated(ReadmeResults.update(edited, RESULTS), RESULTS).isEmpty());
    }

    @Test
    void aMissingResultsFileIsSaidToBeMissingNotFilledIn(@org.junit.jupiter.api.io.TempDir Path empty) throws Exception {
        assertTrue(ReadmeResults.render(ReadmeResults.BENCH, empty).contains("no results file yet"));
    }

    @Test
    void everyResultsFileSaysWhereItCameFrom() throws Exception {
        List<Path> files;
        try (var listing = Files.list(RESULTS)) {
            files = listing.filter(f -> f.toString().endsWith(".csv")).toList();
        }
        assertTrue(!files.isEmpty(), "no results files in " + RESULTS);
        for (Path file : files) {
            String name = file.getFileName().toString();
            Provenance p = ResultsFile.provenance(file);
            assertTrue(p.get(Provenance.COMMAND).startsWith("./lab "), name + ": " + p.get(Provenance.COMMAND));
            assertTrue(ResultsFile.read(file).rowCount() > 0, name);
        }
    }
}
