package org.finetunelab.grading;

/** The grade table as plain text: one line per exercise, and the first failing check with its hint under it. */
final class ReportText {
    private static final String ROW = "%-16s %-6s %9s   %s";

    private ReportText() {
    }

    static String of(GradeReport report) {
        StringBuilder out = new StringBuilder();
        out.append("Grading ").append(report.submission()).append(report.instructor() ? " (visible and instructor's checks)"
                : " (visible checks)").append('\n').append('\n');
        row(out, "exercise", "lesson", "points", "first failing check");
        for (ExerciseScore s : report.exercises()) {
            String points = s.earned() + "/" + s.total();
            String first = s.firstFailure().map(c -> c.title() + ": " + c.message()).orElse("all checks passed");
            row(out, s.exercise().id(), s.exercise().lesson(), points, first);
            s.firstFailure().ifPresent(c -> row(out, "", "", "", "hint: " + c.hint()));
        }
        row(out, "total", "", report.earned() + "/" + report.total(), "");
        return out.toString();
    }

    private static void row(StringBuilder out, String exercise, String lesson, String points, String text) {
        out.append(String.format(ROW, exercise, lesson, points, text).stripTrailing()).append('\n');
    }
}
