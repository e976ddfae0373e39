package org.finetunelab.experiments.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@code main} class in a Java process of its own, with this JVM's options, class path and environment,
 * and reads back the one line it prints that starts with a tag. Memory is measured this way because a process
 * keeps the memory it has freed for reuse: after one case its resident size no longer shows what the next needs.
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * The fields (split on spaces) of the child's line {@code TAG f1 f2 ...}.
     *
     * @throws IOException when the child cannot start, runs past {@code timeoutMinutes}, or prints no such line
     *                     (the message quotes its last line of output)
     */
    public static String[] run(Class<?> main, List<String> args, String tag, int timeoutMinutes) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(args);
        Path output = Files.createTempFile("finetune-child", ".txt");
        try {
            Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!child.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
                child.destroyForcibly();
                throw new IOException("the child process ran for more than " + timeoutMinutes + " minutes and was stopped");
            }
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
            for (String line : lines) {
                if (line.startsWith(tag + " ")) {
                    return line.substring(tag.length() + 1).trim().split(" ");
                }
            }
            throw new IOException("the child process (exit " + child.exitValue() + ") printed no result"
                    + (lines.isEmpty() ? "" : "; its last line: " + lines.get(lines.size() - 1)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the child process", e);
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
