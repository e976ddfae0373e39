package org.finetunelab.grading;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The instructor's checks: source files in {@code instructor/<exercise folder>/}, outside the student's copy and
 * outside the library, compiled when a grading run asks for them ({@code --instructor}).
 */
final class InstructorChecks {
    private final Path classes;
    private final ClassLoader loader;

    private InstructorChecks(Path classes) throws IOException {
        this.classes = classes;
        this.loader = new URLClassLoader(new URL[]{classes.toUri().toURL()}, InstructorChecks.class.getClassLoader());
    }

    /** Compiles every .java file under {@code folder} into {@code out}. */
    static InstructorChecks compile(Path folder, Path out) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("the instructor's checks folder " + folder + " does not exist: --instructor needs it "
                    + "(it is kept out of the student's copy; run from the course repository)");
        }
        List<Path> sources;
        try (Stream<Path> files = Files.walk(folder)) {
            sources = files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("the instructor's checks folder " + folder + " holds no .java files");
        }
        String error = SourceCompiler.compile(sources, folder, out, LabClasspath.current());
        if (error != null) {
            throw new IllegalStateException("the instructor's checks in " + folder + " " + error);
        }
        return new InstructorChecks(out);
    }

    Path classes() {
        return classes;
    }

    /** The instructor's check class for this exercise, or null when there is none. */
    Class<?> checksFor(Exercise exercise) {
        try {
            return Class.forName(exercise.instructorChecks(), false, loader);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }
}
