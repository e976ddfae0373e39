package org.finetunelab.results;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultsFilesTest {
    @TempDir
    Path dir;

    static Provenance provenance(String command) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put(Provenance.COMMAND, command);
        f.put(Provenance.DATE, "2026-12-03T10:00:00Z");
        f.put(Provenance.CODE_VERSION, "abc123");
        f.put(Provenance.MACHINE, "test machine, 2 cores");
        f.put(Provenance.LOAD, "load average 0.5, 0.5, 0.5 (1, 5, 15 min) at the start");
        return new Provenance(f);
    }

    @Test
    void aResultsFileIsCsvAfterItsProvenanceAndReadsBackExactly() throws Exception {
        Table t = Table.create("t", StringColumn.create("name", "a, quoted", "b"),
                DoubleColumn.create("value", 0.1 + 0.2, Double.NaN));
        Path file = dir.resolve("sub/t.csv");
        ResultsFile.write(file, provenance("./lab finetune x").with("held-out examples", "144"), t);
        List<String> lines = Files.readAllLines(file);
        assertEquals("# command: ./lab finetune x", lines.get(0));
        assertEquals("# held-out examples: 144", lines.get(5));
        assertEquals("name,value", lines.get(6));
        assertEquals("\"a, quoted\",0.30000000000000004", lines.get(7), "full precision, quoted commas");
        assertEquals("b,", lines.get(8), "does not apply: empty");

        Table back = ResultsFile.read(file);
        assertEquals(List.of("a, quoted", "b"), back.stringColumn("name").asList());
        assertEquals(0.1 + 0.2, ((NumericColumn<?>) back.column("value")).getDouble(0));
        assertTrue(back.column("value").isMissing(1));
        Provenance p = ResultsFile.provenance(file);
        assertEquals("144", p.get("held-out examples"));
        assertEquals("abc123", p.get(Provenance.CODE_VERSION));
    }

    @Test
    void provenanceNamesWhatIsMissing() throws Exception {
        Path file = dir.resolve("bare.csv");
        Files.writeString(file, "# command: x\na,b\n1,2\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResultsFile.provenance(file));
        assertTrue(e.getMessage().contains("bare.csv") && e.getMessage().contains("'date'"), e.getMessage());
        assertThrows(java.nio.file.NoSuchFileException.class, () -> ResultsFile.read(dir.resolve("none.csv")));
    }

    @Test
    void aStartedProvenanceRecordsTheCodeVersionMachineAndLoad() {
        Provenance p = Provenance.start("./lab finetune eval").finish();
        assertEquals("./lab finetune eval", p.get(Provenance.COMMAND));
        assertTrue(p.get(Provenance.DATE).matches("\\d{4}-\\d\\d-\\d\\dT.*"), p.get(Provenance.DATE));
        assertTrue(p.get(Provenance.MACHINE).contains("cores"), p.get(Provenance.MACHINE));
        assertTrue(p.get(Provenance.LOAD).contains("at the start") && p.get(Provenance.LOAD).contains("at the end"));
        assertTrue(!p.get(Provenance.CODE_VERSION).isBlank());
    }

    @Test
    void generatedBlocksAreReplacedAsAWhole() {
        String text = "intro " + ReadmeBlocks.begin("x") + "old" + ReadmeBlocks.end("x") + " outro";
        assertEquals(List.of("x"), ReadmeBlocks.names(text));
        assertEquals("old", ReadmeBlocks.content(text, "x"));
        assertEquals("intro " + ReadmeBlocks.begin("x") + "new" + ReadmeBlocks.end("x") + " outro",
                ReadmeBlocks.replace(text, "x", "new"));
        assertThrows(IllegalArgumentException.class, () -> ReadmeBlocks.content(text, "y"));
        assertThrows(IllegalArgumentException.class, () -> ReadmeBlocks.content(ReadmeBlocks.begin("z"), "z"));
    }
}
