package org.finetunelab.grading;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proves that every check catches the mistake its comment names: each mutant (a solution with one typical mistake
 * put in, see {@link Mutants}) must fail the checks it lists, and every check, visible or instructor's, must be listed
 * by some mutant. The solutions themselves pass every check here too, graded in this JVM as a notebook would.
 */
class MutantsTest {
    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    static Path tmp;
    static InstructorChecks instructor;

    @BeforeAll
    static void compileInstructorChecks() throws IOException {
        instructor = InstructorChecks.compile(ROOT.resolve("instructor"), tmp.resolve("instructor"));
    }

    /** Compiles a source text as the exercise's class and loads it. */
    static Class<?> load(Exercise exercise, String source, Path folder) throws Exception {
        Path src = Files.createDirectories(folder.resolve("src")).resolve(exercise.fileName());
        Files.writeString(src, source);
        Path classes = folder.resolve("classes");
        String error = SourceCompiler.compile(List.of(src), src.getParent(), classes, LabClasspath.current());
        assertNull(error, exercise.id() + ": " + error);
        URLClassLoader loader = new URLClassLoader(new URL[]{classes.toUri().toURL()}, MutantsTest.class.getClassLoader());
        return Class.forName(exercise.className(), false, loader);
    }

    static String solution(Exercise exercise) throws IOException {
        return Files.readString(exercise.fileIn(ROOT.resolve("solutions")));
    }

    @TestFactory
    Stream<DynamicTest> eachSolutionPassesEveryCheck() {
        return ExerciseCatalog.ALL.stream().map(e -> DynamicTest.dynamicTest(e.id(), () -> {
            Class<?> solution = load(e, solution(e), tmp.resolve("solution-" + e.id()));
            ExerciseScore score = Grader.gradeLoaded(e, solution, instructor.checksFor(e), TIMEOUT);
            assertTrue(score.full(), e.id() + ": " + score.firstFailure().map(c -> c.check() + ": " + c.message()).orElse(""));
        }));
    }

    @TestFactory
    Stream<DynamicTest> eachMutantFailsTheChecksThatNameItsMistake() {
        int[] n = {0};
        return Mutants.ALL.stream().map(m -> DynamicTest.dynamicTest(m.toString(), () -> {
            Exercise e = ExerciseCatalog.byId(m.exercise());
            Class<?> mutant = load(e, m.apply(solution(e)), tmp.resolve("mutant-" + n[0]++));
            ExerciseScore score = Grader.gradeLoaded(e, mutant, instructor.checksFor(e), TIMEOUT);
            Set<String> passed = score.checks().stream().filter(CheckResult::passed).map(CheckResult::check).collect(Collectors.toSet());
            Set<String> missed = new TreeSet<>(m.catches());
            missed.retainAll(passed);
            assertTrue(missed.isEmpty(), "the mistake '" + m.mistake() + "' passed " + missed + ", which should catch it");
            Set<String> unknown = new TreeSet<>(m.catches());
            score.checks().forEach(c -> unknown.remove(c.check()));
            assertTrue(unknown.isEmpty(), "no such checks in " + e.id() + ": " + unknown);
        }));
    }

    @Test
    void everyCheckIsNamedByAMutant() {
        Map<String, Set<String>> named = new HashMap<>();
        Mutants.ALL.forEach(m -> named.computeIfAbsent(m.exercise(), k -> new TreeSet<>()).addAll(m.catches()));
        Set<String> unproven = new TreeSet<>();
        for (Exercise e : ExerciseCatalog.ALL) {
            for (PlannedCheck c : PlannedCheck.of(e, instructor.checksFor(e))) {
                if (!named.getOrDefault(e.id(), Set.of()).contains(c.method().getName())) {
                    unproven.add(e.id() + "#" + c.method().getName());
                }
            }
        }
        assertEquals(Set.of(), unproven, "checks that no mutant shows to catch anything");
    }

    @Test
    void everyExerciseHasInstructorChecks() {
        for (Exercise e : ExerciseCatalog.ALL) {
            assertTrue(instructor.checksFor(e) != null, e.id() + " has no instructor checks (" + e.instructorChecks() + ")");
        }
    }
}
