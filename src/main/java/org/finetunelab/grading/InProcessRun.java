package org.finetunelab.grading;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherFactory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs checks in this JVM against a class that is already loaded: a notebook cell's class, or a compiled mutant in
 * the grader's own tests. Fast, but it protects less than the child JVM: an endless loop fails its check after the
 * time limit but keeps its thread busy, and System.exit ends this JVM (in a notebook, the kernel).
 */
final class InProcessRun {
    private InProcessRun() {
    }

    static Map<String, CheckResult> run(List<PlannedCheck> checks, Class<?> implementation, Duration timeout) {
        Map<String, PlannedCheck> byKey = new LinkedHashMap<>();
        checks.forEach(c -> byKey.put(c.key(), c));
        Map<String, CheckResult> results = new LinkedHashMap<>();
        CheckListener listener = new CheckListener(new CheckListener.Events() {
            @Override
            public void started(String key) {
            }

            @Override
            public void finished(String key, CheckResult.Status status, String message) {
                PlannedCheck check = byKey.get(key);
                if (check != null) {
                    results.put(key, check.result(status, message));
                }
            }
        });
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        // JUnit finds its engine and the checks find the student's class through this loader (see Submitted).
        thread.setContextClassLoader(new ExposingClassLoader(InProcessRun.class.getClassLoader(), implementation));
        try {
            Launcher launcher = LauncherFactory.create();
            launcher.execute(CheckRequest.of(checks, implementation.getName(), timeout), listener);
        } finally {
            thread.setContextClassLoader(before);
        }
        for (PlannedCheck c : checks) {
            results.computeIfAbsent(c.key(), k -> c.result(CheckResult.Status.NOT_RUN, "did not run"
                    + (listener.containerProblem() == null ? "" : ": " + listener.containerProblem())));
        }
        return results;
    }

    /**
     * A class loader that finds everything through its parent (the library and JUnit) and, in addition, the one given
     * class by its name, wherever it was defined (a notebook's classes live in the kernel's own loader).
     */
    static final class ExposingClassLoader extends ClassLoader {
        private final Class<?> exposed;

        ExposingClassLoader(ClassLoader parent, Class<?> exposed) {
            super(parent);
            this.exposed = exposed;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (name.equals(exposed.getName())) {
                return exposed;
            }
            throw new ClassNotFoundException(name);
        }
    }
}
