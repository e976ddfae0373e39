package org.finetunelab.grading;

import java.util.List;
import java.util.Optional;

/**
 * One exercise's grade: every check's result, and the problem that stopped all of them when there was one (the file
 * is missing or does not compile; then every check is NOT_RUN with that problem as its message).
 */
public record ExerciseScore(Exercise exercise, List<CheckResult> checks, String problem) {
    public ExerciseScore {
        checks = List.copyOf(checks);
    }

    public int earned() {
        return checks.stream().mapToInt(CheckResult::earned).sum();
    }

    public int total() {
        return checks.stream().mapToInt(CheckResult::points).sum();
    }

    public boolean full() {
        return earned() == total();
    }

    /** The first check that did not pass, in the order the checks are written: the one to fix first. */
    public Optional<CheckResult> firstFailure() {
        return checks.stream().filter(c -> !c.passed()).findFirst();
    }
}
