package org.finetunelab.grading;

import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

import java.time.Duration;
import java.util.List;

/** The JUnit request that runs some checks of one exercise against one implementation. */
final class CheckRequest {
    private CheckRequest() {
    }

    /**
     * @param timeout JUnit's own limit per check (null: none; the child JVM's parent enforces its limit by ending
     *                the JVM instead, which also stops the endless loop)
     */
    static LauncherDiscoveryRequest of(List<PlannedCheck> checks, String implementation, Duration timeout) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(checks.stream().map(c -> DiscoverySelectors.selectMethod(c.checkClass(), c.method())).toList())
                .configurationParameter(Submitted.IMPLEMENTATION, implementation)
                // A junit-platform.properties that happens to be on the class path must not change how checks run.
                .enableImplicitConfigurationParameters(false);
        if (timeout != null) {
            request.configurationParameter("junit.jupiter.execution.timeout.default", timeout.toMillis() + " ms")
                    // In a thread of its own, so that the grader gets control back from an endless loop.
                    .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD");
        }
        return request.build();
    }
}
