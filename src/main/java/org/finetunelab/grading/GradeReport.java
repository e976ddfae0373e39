package org.finetunelab.grading;

import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;

/**
 * The grade of one submission: a score per exercise. {@link #text()} is the table the command line prints,
 * {@link #table()} the same as a Tablesaw table for a notebook, {@link #json()} the machine-readable report.
 */
public record GradeReport(String submission, boolean instructor, List<ExerciseScore> exercises) {
    public GradeReport {
        exercises = List.copyOf(exercises);
    }

    public int earned() {
        return exercises.stream().mapToInt(ExerciseScore::earned).sum();
    }

    public int total() {
        return exercises.stream().mapToInt(ExerciseScore::total).sum();
    }

    /** The exercise's score; an exercise that was not graded is an error. */
    public ExerciseScore score(String exerciseId) {
        return exercises.stream().filter(e -> e.exercise().id().equals(exerciseId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("exercise " + exerciseId + " was not graded in this report"));
    }

    public String text() {
        return ReportText.of(this);
    }

    public String json() {
        return ReportJson.of(this);
    }

    /** One row per exercise: points, and the first failing check with its hint. */
    public Table table() {
        Table t = Table.create("grades of " + submission);
        StringColumn exercise = StringColumn.create("exercise");
        StringColumn lesson = StringColumn.create("lesson");
        IntColumn points = IntColumn.create("points");
        IntColumn total = IntColumn.create("of");
        StringColumn first = StringColumn.create("first failing check");
        StringColumn hint = StringColumn.create("hint");
        for (ExerciseScore s : exercises) {
            exercise.append(s.exercise().id());
            lesson.append(s.exercise().lesson());
            points.append(s.earned());
            total.append(s.total());
            first.append(s.firstFailure().map(c -> c.title() + ": " + c.message()).orElse("all passed"));
            hint.append(s.firstFailure().map(CheckResult::hint).orElse(""));
        }
        return t.addColumns(exercise, lesson, points, total, first, hint);
    }

    /** One row per check, for looking at one exercise closely (what a notebook shows). */
    public Table checksTable() {
        Table t = Table.create("checks of " + submission);
        StringColumn exercise = StringColumn.create("exercise");
        StringColumn check = StringColumn.create("check");
        StringColumn result = StringColumn.create("result");
        IntColumn points = IntColumn.create("points");
        IntColumn of = IntColumn.create("of");
        StringColumn message = StringColumn.create("what happened");
        StringColumn hint = StringColumn.create("hint");
        for (ExerciseScore s : exercises) {
            for (CheckResult c : s.checks()) {
                exercise.append(s.exercise().id());
                check.append(c.title() + (c.instructor() ? " (instructor)" : ""));
                result.append(c.passed() ? "passed" : c.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
                points.append(c.earned());
                of.append(c.points());
                message.append(c.passed() ? "" : c.message());
                hint.append(c.passed() ? "" : c.hint());
            }
        }
        return t.addColumns(exercise, check, result, points, of, message, hint);
    }
}
