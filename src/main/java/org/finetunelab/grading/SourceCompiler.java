package org.finetunelab.grading;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Compiles Java source files at grading time with the JDK's own compiler (javax.tools), against the library. A
 * student's file is compiled alone, so one broken exercise costs only that exercise.
 */
final class SourceCompiler {
    private SourceCompiler() {
    }

    /**
     * Compiles {@code sources} into {@code out}. Other files in {@code sourcepath} are compiled too when the sources
     * use them (a student's own helper classes), and only then: a broken file nobody uses costs nothing.
     *
     * @return null when it compiled, else the first error as "File.java:12: message" and how many errors there were
     */
    static String compile(List<Path> sources, Path sourcepath, Path out, String classpath) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("this Java has no compiler (javax.tools found none): the grader needs a JDK; "
                    + "install openjdk-17-jdk-headless and run it with that JDK's java");
        }
        Files.createDirectories(out);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ENGLISH, StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "17", "-d", out.toString(), "-cp", classpath,
                    "-sourcepath", sourcepath.toString(), "-implicit:class", "-proc:none",
                    "-encoding", "UTF-8", "-nowarn", "-Xlint:none");
            StringWriter ignored = new StringWriter();
            boolean ok = javac.getTask(ignored, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            if (ok) {
                return null;
            }
        }
        List<Diagnostic<? extends JavaFileObject>> errors = diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
        if (errors.isEmpty()) {
            return "the compiler failed without saying why";
        }
        Diagnostic<? extends JavaFileObject> first = errors.get(0);
        String file = first.getSource() == null ? "" : Path.of(first.getSource().toUri()).getFileName() + ":" + first.getLineNumber() + ": ";
        String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more error" + (errors.size() > 2 ? "s" : "") + ")" : "";
        return "does not compile: " + file + first.getMessage(Locale.ENGLISH).lines().findFirst().orElse("") + more;
    }
}
