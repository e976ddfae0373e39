package org.finetunelab.experiments.bench;

import java.util.List;

/** What was changed in the model to make training faster, with the figures measured before and after. */
final class PerformanceNotes {
    static final List<String> LINES = List.of(
            "TODO");

    private PerformanceNotes() {
    }
}
