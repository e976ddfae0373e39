package org.finetunelab.experiments.bench;

import org.finetunelab.cli.FinetuneCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bench command works end to end on a tiny model and writes a report with every section. */
class BenchSmokeTest {

    @Test
    void benchCommandWritesAReportWithEverySection(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("docs/benchmarks.md");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = FinetuneCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));

        int exit = cli.execute("bench", "--smoke", "--no-python", "--out", report.toString());

        assertEquals(0, exit, err.toString());
        String md = Files.readString(report);
        int at = -1;
        for (String section : BenchReport.SECTIONS) {
            int next = md.indexOf("\n" + section + "\n");
            assertTrue(next > at, "section '" + section + "' missing or out of order in:\n" + md);
            at = next;
        }
        assertTrue(md.contains("| tiny/full |") && md.contains("| tiny/lora |"), md);
        assertTrue(md.matches("(?s).*\\| tiny/lora \\| [0-9.]+ MiB \\| [0-9.]+ MiB \\| [0-9.]+ MiB \\|.*"),
                "the memory of each case was measured in its own process:\n" + md);
        assertTrue(md.contains("GPU figures are not yet measured") || md.contains("This run used the GPU"), md);
        assertTrue(md.contains("not run (--no-python)"), "the report says why PyTorch figures are missing:\n" + md);
        assertTrue(out.toString().contains("report written to"), out.toString());
    }
}
