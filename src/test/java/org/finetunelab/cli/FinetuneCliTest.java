package org.finetunelab.cli;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;


import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FinetuneCliTest {
    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void helpListsTheSubcommands() {
        CliRun help = run("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("Usage: finetune"), help.out());
        assertTrue(help.out().contains("info"), help.out());
        assertEquals(help.out(), run().out(), "without a subcommand the usage is shown");
    }

    /** The command list in --help shows each command's first description line: it must read whole. */
    @Test
    void everyCommandSummaryIsAWholeSentence() {
        FinetuneCli.commandLine().getSubcommands().forEach((name, sub) -> {
            String first = sub.getCommandSpec().usageMessage().description()[0];
            assertTrue(first.endsWith("."), name + "'s summary is not a whole sentence: " + first);
        });
    }

    /** Picocli formats every description with String.format: a lone % (as in "10% wrong") would print raw, with a warning. */
    @Test
    void everyDescriptionFormatsCleanly() {
        checkDescriptions(FinetuneCli.commandLine());
    }

    private static void checkDescriptions(picocli.CommandLine command) {
        var spec = command.getCommandSpec();
        List<String> texts = new ArrayList<>(List.of(spec.usageMessage().description()));
        spec.options().forEach(o -> texts.addAll(List.of(o.description())));
        spec.positionalParameters().forEach(p -> texts.addAll(List.of(p.description())));
        for (String text : texts) {
            assertDoesNotThrow(() -> String.format(Locale.ROOT, text), spec.qualifiedName() + ": " + text);
        }
        command.getSubcommands().values().forEach(FinetuneCliTest::checkDescriptions);
    }

    @Test
    void aMistypedCommandLineIsTheErrorAndOneHintNotTheWholeUsage() {
        CliRun r = run("generate", "--bogus", "x");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("Unknown option: '--bogus'"), r.err());
        assertTrue(r.err().contains("'./lab finetune generate --help' lists the options."), r.err());
        assertTrue(r.err().strip().lines().count() <= 3, r.err());
    }

    @Test
    void versionComesFromTheBuild() {
        CliRun version = run("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().matches("(?s)finetune \\d+\\.\\d+\\.\\d+.*Java \\d+.*"), version.out());
    }

    @Test
    void infoReportsVersionsAndDevice() {
        CliRun info = run("info");
        assertEquals(0, info.exitCode(), info.err());
        assertTrue(info.out().contains("DJL      0.36.0"), info.out());
        assertTrue(info.out().contains("PyTorch  2.7.1"), info.out());
        assertTrue(info.out().matches("(?s).*Device   (cpu|gpu).*"), info.out());
    }

    @Test
    void unknownCommandsAreUsageErrors() {
        CliRun wrong = run("trian");
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
