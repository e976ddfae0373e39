package org.finetunelab.grading;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A check the grader will run, known before anything runs: so that a check that never reports back (the JVM died,
 * the code looped) still appears in the table with its points.
 */
public record PlannedCheck(Exercise exercise, Class<?> checkClass, Method method, int points, String hint,
                           boolean instructor) {

    /** How runs name this check in their reports: class name # method name. */
    public String key() {
        return checkClass.getName() + "#" + method.getName();
    }

    public CheckResult result(CheckResult.Status status, String message) {
        return new CheckResult(exercise.id(), method.getName(), points, instructor, status, message, hint);
    }

    /**
     * The checks of one exercise: its visible checks, then the instructor's when given. Within a class they keep the
     * order of the source file, so the "first failing check" is the first one a student reads.
     */
    public static List<PlannedCheck> of(Exercise exercise, Class<?> instructorChecks) {
        List<PlannedCheck> plan = new ArrayList<>(checksIn(exercise, exercise.checks(), false));
        if (instructorChecks != null) {
            plan.addAll(checksIn(exercise, instructorChecks, true));
        }
        return plan;
    }

    static List<PlannedCheck> checksIn(Exercise exercise, Class<?> checkClass, boolean instructor) {
        List<PlannedCheck> found = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Method m : checkClass.getDeclaredMethods()) {
            Check check = m.getAnnotation(Check.class);
            if (check == null) {
                continue;
            }
            if (!names.add(m.getName())) {
                throw new IllegalStateException(checkClass.getName() + " has two checks called " + m.getName() + ": give each a name of its own");
            }
            if (check.points() <= 0) {
                throw new IllegalStateException(checkClass.getName() + "#" + m.getName() + ": points must be positive, got " + check.points());
            }
            found.add(new PlannedCheck(exercise, checkClass, m, check.points(), check.hint(), instructor));
        }
        if (found.isEmpty()) {
            throw new IllegalStateException(checkClass.getName() + " has no @Check methods");
        }
        // Source order where the class file can be read, else by name: either way the same order every run.
        List<String> order = DeclarationOrder.methodNames(checkClass);
        found.sort(Comparator.comparingInt((PlannedCheck p) -> order.indexOf(p.method().getName()))
                .thenComparing(p -> p.method().getName()));
        return found;
    }
}
