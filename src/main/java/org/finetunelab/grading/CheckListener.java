package org.finetunelab.grading;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Listens to a JUnit run and reports each check by its key (class # method) as it starts and ends. The same listener
 * serves the in-process run and the child JVM, which prints the events for the grader to read.
 */
final class CheckListener implements TestExecutionListener {
    /** Where the events go. */
    interface Events {
        void started(String key);

        void finished(String key, CheckResult.Status status, String message);
    }

    private final Events events;
    private String containerProblem;

    CheckListener(Events events) {
        this.events = events;
    }

    /** Why a whole check class failed before its checks could run (e.g. its set-up threw), or null. */
    String containerProblem() {
        return containerProblem;
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        String key = keyOf(test);
        if (key != null) {
            events.started(key);
        }
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        String key = keyOf(test);
        if (key != null) {
            events.finished(key, CheckResult.Status.FAILED, "skipped: " + reason);
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        String key = keyOf(test);
        Throwable thrown = result.getThrowable().orElse(null);
        if (key == null) {
            if (thrown != null && containerProblem == null) {
                containerProblem = FailureMessage.of(thrown);
            }
            return;
        }
        switch (result.getStatus()) {
            case SUCCESSFUL -> events.finished(key, CheckResult.Status.PASSED, "");
            case ABORTED -> events.finished(key, CheckResult.Status.FAILED, "aborted: " + (thrown == null ? "" : FailureMessage.of(thrown)));
            case FAILED -> events.finished(key, thrown != null && FailureMessage.isTimeout(thrown) ? CheckResult.Status.TIMED_OUT
                    : CheckResult.Status.FAILED, thrown == null ? "failed" : FailureMessage.of(thrown));
        }
    }

    /** class # method for a test method, null for the containers around it. */
    static String keyOf(TestIdentifier test) {
        if (!test.isTest()) {
            return null;
        }
        return test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(s -> s.getClassName() + "#" + s.getMethodName()).orElse(null);
    }
}
