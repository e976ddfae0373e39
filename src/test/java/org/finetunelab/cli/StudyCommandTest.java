package org.finetunelab.cli;

import org.finetunelab.results.ResultsFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import javax.imageio.ImageIO;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The instruction-tuning study end to end on the shipped base model, cut to a few steps and examples. */
@Tag("slow")
class StudyCommandTest {
    @Test
    void everySettingGetsARowAResultsFileAndABar(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("instruct.csv");
        Path png = dir.resolve("instruct.png");
        CliRun r = CliRun.of("study", "instruct", "--steps", "2", "--per-task", "1", "--seeds", "1",
                "--csv", csv.toString(), "--chart", png.toString());
        assertEquals(0, r.exitCode(), r.err());
        Table summary = ResultsFile.read(csv);
        assertEquals(List.of("base, zero-shot", "base, 3 examples in the prompt", "full fine-tuning",
                "LoRA r=8, all projections", "prompt tuning (16)"), summary.stringColumn("setting").asList());
        Table tasks = ResultsFile.read(dir.resolve("instruct-tasks.csv"));
        assertEquals(16, tasks.rowCount(), "15 task types and overall");
        assertNotNull(ImageIO.read(png.toFile()));
        assertTrue(r.out().contains("Sampling error"), r.out());
    }
}
