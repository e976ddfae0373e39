package org.finetunelab.cli;

import org.finetunelab.results.ResultsFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The forgetting study end to end on the shipped base model, with a small stand-in for the pretraining corpus. */
@Tag("slow")
class ForgettingStudyCommandTest {
    @Test
    void everySettingGetsARowACurveAndAPoint(@TempDir Path dir) throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1500; i++) {
            text.append("Entry ").append(i).append(": the river runs past the old mill, and the miller counts his sacks.\n")
                    .append("<|endoftext|>\n");
        }
        Files.writeString(corpus.resolve("train.txt"), text);
        Files.writeString(corpus.resolve("valid.txt"), text.substring(0, 20_000));
        Path csv = dir.resolve("forgetting.csv");
        Path png = dir.resolve("forgetting.png");
        CliRun r = CliRun.of("study", "forgetting", "--quick", "--steps", "2", "--eval-every", "1", "--probe-facts", "4",
                "--lambdas", "100", "--corpus", corpus.toString(), "--csv", csv.toString(), "--chart", png.toString());
        assertEquals(0, r.exitCode(), r.err());
        Table summary = ResultsFile.read(csv);
        assertEquals(List.of("full", "full, lr ÷10", "gradual unfreezing", "EWC λ=100", "replay 25%", "LoRA r=8",
                "adapters 16", "prompt tuning 16"), summary.stringColumn("setting").asList());
        Table curves = ResultsFile.read(dir.resolve("forgetting-curves.csv"));
        assertEquals(8 * 3, curves.rowCount(), "steps 0, 1 and 2 of every run");
        assertNotNull(ImageIO.read(png.toFile()));
        assertNotNull(ImageIO.read(dir.resolve("forgetting-steps.png").toFile()));
        assertTrue(r.out().contains("against full fine-tuning"), r.out());
    }
}
