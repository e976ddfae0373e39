package org.finetunelab.lab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The {@code ./lab} script's own answers: mistakes, and what it leaves in the user's Jupyter folder. */
class LabScriptTest {
    private static final String DISPLAY_NAME = "Java (FineTune Lab)";

    @TempDir
    Path tmp;

    record Result(int exitCode, String out) {
    }

    private static Result run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "did not finish: " + String.join(" ", command));
        return new Result(p.exitValue(), out);
    }

    @Test
    void anUnknownCommandIsTheErrorAndOneHintNotTheUsage() throws Exception {
        Result r = run(Map.of(), "bash", "lab", "frobnicate");
        assertEquals(1, r.exitCode(), r.out());
        assertEquals(List.of("lab: error: unknown command 'frobnicate'.", "lab: fix:   ./lab --help lists the commands"),
                r.out().strip().lines().toList());
    }

    @Test
    void helpNamesTheUninstallCommand() throws Exception {
        Result r = run(Map.of(), "bash", "lab", "--help");
        assertEquals(0, r.exitCode(), r.out());
        assertTrue(r.out().contains("uninstall-kernel"), r.out());
    }

    @Test
    void hubHelpListsItsCommandsAndTheTestMode() throws Exception {
        Result r = run(Map.of(), "bash", "lab", "hub", "--help");
        assertEquals(0, r.exitCode(), r.out());
        for (String word : List.of("--test-mode", "--users", "--port", "stop", "add NAME", "collect", "size")) {
            assertTrue(r.out().contains(word), word + " missing in: " + r.out());
        }
        assertTrue(run(Map.of(), "bash", "lab", "--help").out().contains("hub [OPTIONS]"));
    }

    @Test
    void hubMistakesAreOneErrorAndOneFixBeforeAnythingIsInstalled() throws Exception {
        Result unknown = run(Map.of(), "bash", "lab", "hub", "--frobnicate");
        assertEquals(1, unknown.exitCode(), unknown.out());
        assertEquals(List.of("lab: error: unknown option '--frobnicate' for ./lab hub.", "lab: fix:   ./lab hub --help lists the options"),
                unknown.out().strip().lines().toList());
        Result port = run(Map.of(), "bash", "lab", "hub", "--test-mode", "--port", "70000");
        assertEquals(1, port.exitCode(), port.out());
        assertEquals("lab: error: --port 70000 is not a port number (1-65535).", port.out().strip().lines().findFirst().orElse(""));
        Result noValue = run(Map.of(), "bash", "lab", "hub", "--users");
        assertEquals(1, noValue.exitCode(), noValue.out());
        assertTrue(noValue.out().startsWith("lab: error: --users needs a value."), noValue.out());
        Result test = run(Map.of(), "bash", "lab", "test", "--hubb");
        assertEquals(1, test.exitCode(), test.out());
        assertTrue(test.out().startsWith("lab: error: unknown option '--hubb' for ./lab test."), test.out());
    }

    /** A kernelspec as ./lab installs it, for the checkout {@code checkout}. */
    private static void fakeKernelspec(Path dataDir, String displayName, Path checkout) throws IOException {
        Path dir = Files.createDirectories(dataDir.resolve("kernels/finetune-lab"));
        Files.writeString(dir.resolve("kernel.json"), "{\"display_name\": \"" + displayName + "\", \"env\": "
                + "{\"RJK_INIT_SCRIPT\": \"" + checkout.resolve("target/kernel/init.jshell") + "\"}}");
    }

    private static void assumeJupyterCore() throws Exception {
        assumeTrue(run(Map.of(), "/usr/bin/python3", "-c", "import jupyter_core").exitCode() == 0,
                "Debian's python3-jupyter-core (./lab installs it)");
    }

    @Test
    void uninstallKernelRemovesOnlyTheLabsKernelspec() throws Exception {
        assumeJupyterCore();
        Path data = tmp.resolve("jupyter-data");
        Map<String, String> env = Map.of("JUPYTER_DATA_DIR", data.toString());
        fakeKernelspec(data, DISPLAY_NAME, Path.of("/home/student/clone-one"));
        Result removed = run(env, "bash", "lab", "uninstall-kernel");
        assertEquals(0, removed.exitCode(), removed.out());
        assertTrue(removed.out().contains("it pointed at /home/student/clone-one"), removed.out());
        assertFalse(Files.exists(data.resolve("kernels/finetune-lab")));

        Result again = run(env, "bash", "lab", "uninstall-kernel");
        assertEquals(0, again.exitCode(), again.out());
        assertTrue(again.out().contains("no kernelspec finetune-lab to remove"), again.out());

        fakeKernelspec(data, "Someone else's kernel", Path.of("/elsewhere"));
        Result foreign = run(env, "bash", "lab", "uninstall-kernel");
        assertEquals(1, foreign.exitCode(), foreign.out());
        assertTrue(Files.exists(data.resolve("kernels/finetune-lab/kernel.json")), "a kernelspec not the lab's stays");
    }

    /** A second clone that runs ./lab takes the user kernelspec over, and says which checkout it replaced. */
    @Test
    void installingOverAnotherClonesKernelspecSaysSo() throws Exception {
        assumeJupyterCore();
        Path clone = tmp.resolve("second-clone");
        Files.createDirectories(clone.resolve("src/main/kernel"));
        Files.createDirectories(clone.resolve("target/classes"));
        Files.copy(Path.of("src/main/kernel/init.jshell"), clone.resolve("src/main/kernel/init.jshell"));
        Path data = tmp.resolve("jupyter-data");
        fakeKernelspec(data, DISPLAY_NAME, Path.of("/home/student/clone-one"));
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", "src/main/python/kernelspec.py",
                "--root", clone.toString(), "--java", "/usr/bin/java", "--kernel-jar", "kernel.jar",
                "--launcher-dir", "launcher", "--name", "finetune-lab", "--display-name", DISPLAY_NAME, "--install-user"));
        Result r = run(Map.of("JUPYTER_DATA_DIR", data.toString()), command.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.out());
        assertTrue(r.out().contains("user installed at " + data.resolve("kernels/finetune-lab")), r.out());
        assertTrue(r.out().contains("(it pointed at /home/student/clone-one)"), r.out());
        assertTrue(Files.readString(data.resolve("kernels/finetune-lab/kernel.json")).contains(clone.toString()));
    }
}
