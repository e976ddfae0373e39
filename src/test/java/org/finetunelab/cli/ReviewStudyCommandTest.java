package org.finetunelab.cli;

import org.finetunelab.experiments.DataStudy;
import org.finetunelab.experiments.OverfittingStudy;
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

/** The overfitting and data studies end to end on the shipped base model, in quick mode cut to a few steps. */
@Tag("slow")
class ReviewStudyCommandTest {
    @Test
    void overfittingWritesARowPerSettingAndAChartPerMethod(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("overfitting.csv");
        Path png = dir.resolve("overfitting.png");
        CliRun r = CliRun.of("study", "overfitting", "--quick", "--sizes", "8", "--steps", "2",
                "--csv", csv.toString(), "--chart", png.toString());
        assertEquals(0, r.exitCode(), r.err());
        Table summary = ResultsFile.read(csv);
        assertEquals(List.of("full, 8 examples", "lora, 8 examples", "full, 16 examples, dropout 0.1",
                "lora, 16 examples, dropout 0.1"), summary.stringColumn(OverfittingStudy.SETTING).asList());
        assertNotNull(ImageIO.read(png.toFile()));
        assertNotNull(ImageIO.read(dir.resolve("overfitting-lora.png").toFile()));
        assertTrue(r.out().contains("Early stopping: patience"), r.out());
    }

    @Test
    void dataWritesARowPerSettingAndTwoCharts(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("data.csv");
        Path png = dir.resolve("data.png");
        CliRun r = CliRun.of("study", "data", "--quick", "--sizes", "4", "--steps", "2",
                "--csv", csv.toString(), "--chart", png.toString());
        assertEquals(0, r.exitCode(), r.err());
        Table summary = ResultsFile.read(csv);
        assertEquals(List.of("prompt, 4 examples", "lora, 4 examples", "full, 4 examples",
                "lora, 576 examples, 30% wrong labels"), summary.stringColumn(DataStudy.SETTING).asList());
        assertNotNull(ImageIO.read(png.toFile()));
        assertNotNull(ImageIO.read(dir.resolve("data-labels.png").toFile()));
        assertTrue(r.out().contains("Sampling error"), r.out());
    }
}
