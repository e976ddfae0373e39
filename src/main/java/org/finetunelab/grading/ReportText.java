package org.finetunelab.grading;

/** The grade table as plain text: one line per exercise, and the first failing check with its hint under it. */
final class ReportText {
    private static final String ROW = "%-16s %-6s %9s   %s%n";

    private ReportText() {
    }

    static String of(GradeReport report) {
        StringBuilder out = new StringBuilder();
        out.append("Grading ").append(report.submission()).append(report.instructor() ? " (visible and instructor's checks)"
                : " (visible checks)").append('\n').append('\n');
        out.append(String.format(ROW, "exercise", "lesson", "points", "first failing check"));
        for (ExerciseScore s : report.exercises()) {
            String points = s.earned() + "/" + s.total();
            String first = s.firstFailure().map(c -> c.title() + ": " + c.message()).orElse("all checks passed");
            out.append(String.format(ROW, s.exercise().id(), s.exercise().lesson(), points, first));
            s.firstFailure().ifPresent(c -> out.append(String.format(ROW, "", "", "", "hint: " + c.hint())));
        }
        out.append(String.format(ROW, "total", "", report.earned() + "/" + report.total(), ""));
        return out.toString();
    }
}
