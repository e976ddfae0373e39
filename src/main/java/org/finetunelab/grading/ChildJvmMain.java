package org.finetunelab.grading;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherFactory;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The child JVM's side of {@link ChildJvmRun}: runs the checks a jobs file lists and reports each one on standard
 * output as it starts and ends. Student code prints to standard error instead, so it cannot garble the report.
 * Whatever the student's code does to this JVM (System.exit, an endless loop, running out of memory), the parent sees
 * which check was running and carries on in a fresh JVM.
 */
public final class ChildJvmMain {
    static final String PREFIX = "@@grading ";
    static final long OUTPUT_CAP = 1 << 20;

    private ChildJvmMain() {
    }

    /** One exercise to run: where its compiled classes are, the student's class name, the checks to run. */
    record Job(String exercise, Path classes, String implementation, List<String> checks) {
    }

    public static void main(String[] args) throws Exception {
        PrintStream report = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        // What the student's code prints goes to the log, and only so much of it: a printing loop must not fill the disk.
        PrintStream studentOutput = new PrintStream(new CappedOutputStream(new FileOutputStream(FileDescriptor.err), OUTPUT_CAP),
                true, StandardCharsets.UTF_8);
        System.setOut(studentOutput);
        System.setErr(studentOutput);
        Path instructorClasses = null;
        Map<String, Job> jobs = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "instructor" -> instructorClasses = Path.of(f[1]);
                case "job" -> jobs.put(f[1], new Job(f[1], f[2].isEmpty() ? null : Path.of(f[2]), f[3], new ArrayList<>()));
                case "check" -> jobs.get(f[1]).checks().add(f[2]);
                default -> throw new IOException(args[0] + ": unknown line kind '" + f[0] + "'");
            }
        }
        ClassLoader app = ChildJvmMain.class.getClassLoader();
        ClassLoader checkLoader = instructorClasses == null ? app : new URLClassLoader(new URL[]{instructorClasses.toUri().toURL()}, app);
        Launcher launcher = LauncherFactory.create();
        for (Job job : jobs.values()) {
            run(job, checkLoader, app, launcher, report);
        }
        report.println(PREFIX + "finished");
        report.flush();
        studentOutput.flush();
        Runtime.getRuntime().halt(0);   // threads the student's code left running must not keep this JVM alive
    }

    private static void run(Job job, ClassLoader checkLoader, ClassLoader app, Launcher launcher, PrintStream report) throws Exception {
        List<PlannedCheck> checks = new ArrayList<>();
        Exercise exercise = ExerciseCatalog.byId(job.exercise());
        for (String key : job.checks()) {
            String[] classAndMethod = key.split("#", 2);
            Class<?> checkClass = Class.forName(classAndMethod[0], false, checkLoader);
            checks.add(PlannedCheck.checksIn(exercise, checkClass, false).stream()
                    .filter(c -> c.method().getName().equals(classAndMethod[1])).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no check " + key)));
        }
        ClassLoader students = job.classes() == null ? app : new URLClassLoader(new URL[]{job.classes().toUri().toURL()}, app);
        Set<String> finished = new HashSet<>();
        CheckListener listener = new CheckListener(new CheckListener.Events() {
            @Override
            public void started(String key) {
                report.println(PREFIX + "start " + key);
            }

            @Override
            public void finished(String key, CheckResult.Status status, String message) {
                finished.add(key);
                report.println(PREFIX + "end " + key + " " + status + " " + encode(message));
            }
        });
        Thread.currentThread().setContextClassLoader(students);
        launcher.execute(CheckRequest.of(checks, job.implementation(), null), listener);
        for (PlannedCheck c : checks) {
            if (!finished.contains(c.key())) {
                report.println(PREFIX + "end " + c.key() + " " + CheckResult.Status.NOT_RUN + " "
                        + encode("did not run" + (listener.containerProblem() == null ? "" : ": " + listener.containerProblem())));
            }
        }
    }

    /** Passes the first {@code cap} bytes through and drops the rest. */
    static final class CappedOutputStream extends java.io.OutputStream {
        private final java.io.OutputStream out;
        private long left;

        CappedOutputStream(java.io.OutputStream out, long cap) {
            this.out = out;
            this.left = cap;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            if (left > 0) {
                out.write(b);
                left--;
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            int n = (int) Math.min(len, left);
            if (n > 0) {
                out.write(b, off, n);
                left -= n;
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }

    static String encode(String message) {
        return Base64.getEncoder().encodeToString(message.getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String encoded) {
        return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    }
}
