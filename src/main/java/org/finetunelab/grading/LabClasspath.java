package org.finetunelab.grading;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The class path that compiles and runs students' code: the library and its jars. Found from where the grader's
 * own classes were loaded, because the JVM's class path says too little in two places the grader runs: in a notebook
 * the library is loaded by the kernel, not from the class path; under Maven's test runner the class path is one
 * jar whose manifest names the rest.
 */
final class LabClasspath {
    private LabClasspath() {
    }

    static String current() {
        String surefire = System.getProperty("surefire.test.class.path");
        if (surefire != null && !surefire.isBlank()) {
            return surefire;
        }
        Path classes = grader();
        if (classes != null && Files.isDirectory(classes)) {
            // ./lab's layout: target/classes beside target/lib, which holds every runtime jar.
            Path lib = classes.resolveSibling("lib");
            if (Files.isDirectory(lib)) {
                List<String> entries = new ArrayList<>();
                entries.add(classes.toString());
                try (Stream<Path> jars = Files.list(lib)) {
                    jars.filter(j -> j.toString().endsWith(".jar")).sorted().forEach(j -> entries.add(j.toString()));
                } catch (IOException e) {
                    throw new IllegalStateException("cannot list " + lib + ": " + e.getMessage(), e);
                }
                return String.join(File.pathSeparator, entries);
            }
        }
        return System.getProperty("java.class.path");
    }

    /** The folder or jar the grader's classes came from, or null when the JVM does not say. */
    private static Path grader() {
        try {
            var source = LabClasspath.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return null;
        }
    }
}
