package org.finetunelab.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FinetuneCliTest {
    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = FinetuneCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exitCode = cli.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void helpListsTheSubcommands() {
        Run help = run("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("Usage: finetune"), help.out());
        assertTrue(help.out().contains("info"), help.out());
        assertEquals(help.out(), run().out(), "without a subcommand the usage is shown");
    }

    @Test
    void versionComesFromTheBuild() {
        Run version = run("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().matches("(?s)finetune \\d+\\.\\d+\\.\\d+.*Java \\d+.*"), version.out());
    }

    @Test
    void infoReportsVersionsAndDevice() {
        Run info = run("info");
        assertEquals(0, info.exitCode(), info.err());
        assertTrue(info.out().contains("DJL      0.36.0"), info.out());
        assertTrue(info.out().contains("PyTorch  2.7.1"), info.out());
        assertTrue(info.out().matches("(?s).*Device   (cpu|gpu).*"), info.out());
    }

    @Test
    void unknownCommandsAreUsageErrors() {
        Run wrong = run("trian");
        assertEquals(2, wrong.exitCode());
        assertTrue(wrong.err().contains("Unmatched argument"), wrong.err());
    }

    @Test
    void launcherDefaultsDoNotOverrideTheCaller() {
        String key = "org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils";
        String before = System.getProperty(key);
        try {
            System.setProperty(key, "debug");
            FinetuneCli.applyDefaultSystemProperties();
            assertEquals("debug", System.getProperty(key));
            assertEquals("true", System.getProperty("ai.djl.offline"));
        } finally {
            if (before == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, before);
            }
        }
    }
}
