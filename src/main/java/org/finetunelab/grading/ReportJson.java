package org.finetunelab.grading;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.util.Locale;

/** The grade as JSON: totals, then every exercise with every check, for scripts and learning platforms. */
final class ReportJson {
    private ReportJson() {
    }

    static String of(GradeReport report) {
        JsonObject root = new JsonObject();
        root.addProperty("submission", report.submission());
        root.addProperty("instructorChecks", report.instructor());
        root.addProperty("points", report.earned());
        root.addProperty("total", report.total());
        JsonArray exercises = new JsonArray();
        for (ExerciseScore s : report.exercises()) {
            JsonObject e = new JsonObject();
            e.addProperty("exercise", s.exercise().id());
            e.addProperty("lesson", s.exercise().lesson());
            e.addProperty("title", s.exercise().title());
            e.addProperty("points", s.earned());
            e.addProperty("total", s.total());
            if (s.problem() != null) {
                e.addProperty("problem", s.problem());
            }
            JsonArray checks = new JsonArray();
            for (CheckResult c : s.checks()) {
                JsonObject check = new JsonObject();
                check.addProperty("check", c.check());
                check.addProperty("instructor", c.instructor());
                check.addProperty("status", c.status().name().toLowerCase(Locale.ROOT));
                check.addProperty("points", c.earned());
                check.addProperty("of", c.points());
                if (!c.passed()) {
                    check.addProperty("message", c.message());
                    check.addProperty("hint", c.hint());
                }
                checks.add(check);
            }
            e.add("checks", checks);
            exercises.add(e);
        }
        root.add("exercises", exercises);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n";
    }
}
