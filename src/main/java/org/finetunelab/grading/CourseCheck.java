package org.finetunelab.grading;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What {@code ./lab test} asks of the exercises: the worked solutions get full marks, visible and instructor's checks
 * alike; the untouched student copy gets zero, every check failing cleanly (no crash, no time-out); and the two
 * folders mirror each other file for file. Prints one line per exercise and "N passed, N failed".
 */
final class CourseCheck {
    private CourseCheck() {
    }

    static int run(Path root, List<Exercise> exercises, Grader.Settings settings, PrintStream out)
            throws IOException, InterruptedException {
        Path instructor = settings.instructorChecks() != null ? settings.instructorChecks() : root.resolve("instructor");
        Grader.Settings all = settings.withInstructorChecks(instructor);
        GradeReport solutions = Grader.gradeFolder(root.resolve("solutions"), "solutions/", exercises, all);
        GradeReport untouched = Grader.gradeFolder(root.resolve("exercises"), "exercises/", exercises, all);
        int passed = 0;
        int failed = 0;
        for (Exercise e : exercises) {
            ExerciseScore solved = solutions.score(e.id());
            ExerciseScore stub = untouched.score(e.id());
            String problem = null;
            if (!solved.full()) {
                CheckResult c = solved.firstFailure().orElseThrow();
                problem = "solutions/ gets " + solved.earned() + "/" + solved.total() + ": " + c.title() + ": " + c.message();
            } else if (stub.earned() != 0) {
                problem = "the untouched exercises/ file already earns " + stub.earned() + " points: its stub gives an answer away";
            } else if (stub.problem() != null) {
                problem = "the untouched exercises/ file: " + stub.problem();
            } else if (stub.checks().stream().anyMatch(c -> c.status() != CheckResult.Status.FAILED)) {
                CheckResult c = stub.checks().stream().filter(r -> r.status() != CheckResult.Status.FAILED).findFirst().orElseThrow();
                problem = "the untouched exercises/ file " + c.status() + " in " + c.title() + ": " + c.message();
            }
            if (problem == null) {
                passed++;
                out.printf("  ok    %-16s solutions/ %d/%d, untouched exercises/ 0/%d%n", e.id(), solved.earned(), solved.total(), stub.total());
            } else {
                failed++;
                out.printf("  FAIL  %-16s %s%n", e.id(), problem);
            }
        }
        Set<String> mismatch = mirrorMismatch(root.resolve("exercises"), root.resolve("solutions"));
        if (mismatch.isEmpty()) {
            passed++;
            out.println("  ok    exercises/ and solutions/ hold the same files");
        } else {
            failed++;
            out.println("  FAIL  exercises/ and solutions/ differ in: " + String.join(", ", mismatch));
        }
        out.println(passed + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }

    /** Files that are in one folder and not in the other (DESIGN: the two mirror each other file for file). */
    static Set<String> mirrorMismatch(Path a, Path b) throws IOException {
        Set<String> inA = files(a);
        Set<String> inB = files(b);
        Set<String> differ = new TreeSet<>(inA);
        differ.addAll(inB);
        differ.removeIf(f -> inA.contains(f) && inB.contains(f));
        return differ;
    }

    private static Set<String> files(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).map(f -> folder.relativize(f).toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
