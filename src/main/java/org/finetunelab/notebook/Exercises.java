package org.finetunelab.notebook;

import org.finetunelab.grading.ExerciseScore;
import org.finetunelab.grading.GradeReport;
import org.finetunelab.grading.Grader;

/**
 * Grading from a notebook cell. Write the exercise's class in a cell, then run
 * {@code Exercises.grade("lora", MyLora.class);}: the table of checks, with a hint for each one that fails, appears
 * below the cell. {@code Exercises.gradeFile("lora")} grades your file in exercises/ instead, as {@code ./lab grade lora}
 * does.
 */
public final class Exercises {
    private Exercises() {
    }

    /** Grades a class written in the notebook against the exercise's checks and shows the result. */
    public static void grade(String exercise, Class<?> implementation) {
        show(Grader.grade(exercise, implementation));
    }

    /** Grades the exercise's file in the student's copy, exercises/, in a separate JVM, and shows the result. */
    public static void gradeFile(String exercise) {
        try {
            var only = java.util.List.of(org.finetunelab.grading.ExerciseCatalog.byId(exercise));
            show(Grader.gradeFolder(Notebook.file("exercises"), "exercises/", only, Grader.Settings.visibleChecks()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("grading exercises/ failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("grading was interrupted", e);
        }
    }

    private static void show(GradeReport report) {
        StringBuilder head = new StringBuilder();
        for (ExerciseScore s : report.exercises()) {
            head.append("<p><b>").append(Html.escape(s.exercise().id())).append(": ").append(s.earned()).append(" / ")
                    .append(s.total()).append(" points</b>");
            if (s.full()) {
                head.append(" — every check passes.");
            } else {
                s.firstFailure().ifPresent(c -> head.append(" — fix first: <i>").append(Html.escape(c.title())).append("</i>. ")
                        .append(Html.escape(c.hint())));
            }
            head.append("</p>");
        }
        Notebook.show(new Html(head.toString()));
        Notebook.show(Notebook.html(report.checksTable(), 50));
    }
}
