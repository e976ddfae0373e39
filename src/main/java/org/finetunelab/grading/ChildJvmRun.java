package org.finetunelab.grading;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs students' compiled classes in a separate JVM ({@link ChildJvmMain}), one JVM for a whole submission.
 *
 * <p>Why a child JVM and not a SecurityManager: the SecurityManager can refuse System.exit, but it is deprecated for
 * removal, and nothing in one JVM can stop a thread stuck in an endless loop. A child JVM can simply be ended. The
 * child reports each check as it starts and ends; when it goes quiet past the time limit, or dies (System.exit, a
 * native crash, out of memory), the check it was running fails with that reason, and a fresh JVM runs the checks
 * that are left. So such code costs its own check only.
 */
final class ChildJvmRun {
    /** Time for the JVM to start and JUnit to find the checks, and between two checks. */
    static final Duration OVERHEAD_LIMIT = Duration.ofSeconds(60);
    private static final String END = new String("end of output");   // a marker no line can be (compared by identity)

    private ChildJvmRun() {
    }

    /** One exercise's compiled classes, the student's class name and its checks. */
    record Job(Exercise exercise, Path classes, String implementation, List<PlannedCheck> checks) {
    }

    /** Each check's result by its key; every check of every job gets one. */
    static Map<String, CheckResult> run(List<Job> jobs, Path instructorClasses, Duration perCheck, Path workDir)
            throws IOException, InterruptedException {
        Map<String, PlannedCheck> pending = new LinkedHashMap<>();
        jobs.forEach(j -> j.checks().forEach(c -> pending.put(c.key(), c)));
        Map<String, CheckResult> results = new LinkedHashMap<>();
        String classpath = LabClasspath.current();
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            Path jobsFile = workDir.resolve("jobs-" + attempt + ".tsv");
            Path log = workDir.resolve("child-" + attempt + ".log");
            Files.write(jobsFile, jobLines(jobs, pending, instructorClasses), StandardCharsets.UTF_8);
            attemptOnce(command(classpath, jobsFile), log, pending, results, perCheck);
        }
        return results;
    }

    private static List<String> jobLines(List<Job> jobs, Map<String, PlannedCheck> pending, Path instructorClasses) {
        List<String> lines = new ArrayList<>();
        if (instructorClasses != null) {
            lines.add("instructor\t" + instructorClasses);
        }
        for (Job job : jobs) {
            List<PlannedCheck> left = job.checks().stream().filter(c -> pending.containsKey(c.key())).toList();
            if (left.isEmpty()) {
                continue;
            }
            lines.add("job\t" + job.exercise().id() + "\t" + (job.classes() == null ? "" : job.classes()) + "\t" + job.implementation());
            left.forEach(c -> lines.add("check\t" + job.exercise().id() + "\t" + c.key()));
        }
        return lines;
    }

    private static List<String> command(String classpath, Path jobsFile) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xshare:auto",
                "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8",
                "-cp", classpath, ChildJvmMain.class.getName(), jobsFile.toString());
    }

    /** Runs one child JVM until it finishes, dies or hangs; takes what it reported out of {@code pending}. */
    private static void attemptOnce(List<String> command, Path log, Map<String, PlannedCheck> pending,
                                    Map<String, CheckResult> results, Duration perCheck) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(command).redirectErrorStream(false)
                .redirectError(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullFile())).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> readLines(child, lines), "grading-child-output");
        reader.setDaemon(true);
        reader.start();
        String current = null;
        boolean progress = false;
        boolean finished = false;
        long deadline = System.nanoTime() + OVERHEAD_LIMIT.toNanos();
        try {
            while (true) {
                String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null) {   // silent past the limit
                    child.destroyForcibly().waitFor();
                    if (current != null) {
                        results.put(current, pending.remove(current).result(CheckResult.Status.TIMED_OUT,
                                "did not finish within " + perCheck.toSeconds() + " s: an endless loop, or far too slow?"));
                    } else {
                        failAll(pending, results, CheckResult.Status.NOT_RUN, "the grading JVM did not answer within "
                                + OVERHEAD_LIMIT.toSeconds() + " s" + lastLine(log));
                    }
                    return;
                }
                if (line == END) {   // the child's output ended: it finished or died
                    int exit = child.waitFor();
                    if (finished) {
                        failAll(pending, results, CheckResult.Status.NOT_RUN, "the grading JVM did not run it");
                    } else if (current != null) {
                        results.put(current, pending.remove(current).result(CheckResult.Status.CRASHED,
                                "the grading JVM stopped during this check (exit code " + exit + "): System.exit, a crash or out of memory"
                                        + lastLine(log)));
                    } else if (!progress) {
                        failAll(pending, results, CheckResult.Status.CRASHED, "the grading JVM stopped before a check ran (exit code "
                                + exit + ")" + lastLine(log));
                    }
                    return;
                }
                if (!line.startsWith(ChildJvmMain.PREFIX)) {
                    continue;
                }
                String[] f = line.substring(ChildJvmMain.PREFIX.length()).split(" ", 4);
                switch (f[0]) {
                    case "start" -> {
                        current = f[1];
                        progress = true;
                        deadline = System.nanoTime() + perCheck.toNanos();
                    }
                    case "end" -> {
                        PlannedCheck check = pending.remove(f[1]);
                        if (check != null) {
                            results.put(f[1], check.result(CheckResult.Status.valueOf(f[2]), f.length > 3 ? ChildJvmMain.decode(f[3]) : ""));
                        }
                        current = null;
                        progress = true;
                        deadline = System.nanoTime() + OVERHEAD_LIMIT.toNanos();
                    }
                    case "finished" -> finished = true;
                    default -> {
                    }
                }
            }
        } finally {
            if (child.isAlive()) {
                child.destroyForcibly().waitFor();
            }
        }
    }

    private static void readLines(Process child, BlockingQueue<String> lines) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the child was ended: its output stops here
        } finally {
            lines.add(END);
        }
    }

    private static void failAll(Map<String, PlannedCheck> pending, Map<String, CheckResult> results, CheckResult.Status status, String message) {
        pending.forEach((key, check) -> results.put(key, check.result(status, message)));
        pending.clear();
    }

    /** The last line of the child's error output, when it says something (e.g. an OutOfMemoryError). */
    private static String lastLine(Path log) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
            return all.isEmpty() ? "" : "; its last words: " + FailureMessage.shorten(all.get(all.size() - 1));
        } catch (IOException e) {
            return "";
        }
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
