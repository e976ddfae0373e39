package org.finetunelab.grading;

import org.finetunelab.io.AtomicFiles;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code ./lab grade --class DIR}: grades every student's folder in DIR (one folder per student, named after them) and
 * writes, into the output folder: {@code grades.csv} (student, exercise, points, total), {@code summary.txt} (the
 * tables printed at the end), {@code histogram.png} (students by total points) and {@code reports/STUDENT.json}
 * (each student's full report, to hand back). A submission that is broken in any way scores 0 where it is broken and
 * never stops the run.
 */
final class ClassGrading {
    private ClassGrading() {
    }

    /** The grades of a class, in the order of the student folders' names. */
    record Grades(List<Exercise> exercises, List<GradeReport> students) {
    }

    static Grades run(Path classFolder, List<Exercise> exercises, Grader.Settings settings, Path out, PrintStream console)
            throws IOException, InterruptedException {
        List<Path> folders = new ArrayList<>();
        try (Stream<Path> entries = Files.list(classFolder)) {
            for (Path p : entries.sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                if (Files.isDirectory(p)) {
                    folders.add(p);
                } else {
                    console.println("skipped " + name + ": not a folder (each student's files go in a folder named after the student)");
                }
            }
        }
        if (folders.isEmpty()) {
            throw new IllegalArgumentException("--class " + classFolder + " holds no student folders: put each student's files in a folder "
                    + "of their own, e.g. " + classFolder.resolve("alice/04-lora/MyLora.java"));
        }
        List<GradeReport> reports = new ArrayList<>();
        for (Path folder : folders) {
            String student = folder.getFileName().toString();
            GradeReport report;
            try {
                report = Grader.gradeFolder(folder, student, exercises, settings);
            } catch (IOException | RuntimeException e) {
                report = unreadable(student, exercises, settings, e);
            }
            reports.add(report);
            console.printf("graded %-24s %d/%d%n", student, report.earned(), report.total());
            AtomicFiles.writeString(out.resolve("reports").resolve(student + ".json"), report.json());
        }
        Grades grades = new Grades(exercises, reports);
        AtomicFiles.writeString(out.resolve("grades.csv"), csv(grades));
        String summary = summary(grades);
        AtomicFiles.writeString(out.resolve("summary.txt"), summary);
        AtomicFiles.writeBytes(out.resolve("histogram.png"), ScoreHistogram.png(grades));
        console.println();
        console.print(summary);
        console.println("written to " + out + ": grades.csv, summary.txt, histogram.png, reports/");
        return grades;
    }

    /** A folder the grader could not even read: zero everywhere, with the reason. */
    private static GradeReport unreadable(String student, List<Exercise> exercises, Grader.Settings settings, Exception e) {
        String why = "the submission could not be graded: " + e.getMessage();
        List<ExerciseScore> scores = new ArrayList<>();
        for (Exercise exercise : exercises) {
            List<PlannedCheck> plan = PlannedCheck.of(exercise, null);
            scores.add(new ExerciseScore(exercise, plan.stream().map(c -> c.result(CheckResult.Status.NOT_RUN, why)).toList(), why));
        }
        return new GradeReport(student, settings.instructorChecks() != null, scores);
    }

    static String csv(Grades grades) {
        StringBuilder csv = new StringBuilder("student,exercise,points,total\n");
        for (GradeReport r : grades.students()) {
            for (ExerciseScore s : r.exercises()) {
                csv.append(csvField(r.submission())).append(',').append(s.exercise().id()).append(',')
                        .append(s.earned()).append(',').append(s.total()).append('\n');
            }
        }
        return csv.toString();
    }

    private static String csvField(String text) {
        return text.matches("[^,\"\\r\\n]*") ? text : "\"" + text.replace("\"", "\"\"") + "\"";
    }

    static String summary(Grades grades) {
        StringBuilder out = new StringBuilder();
        int n = grades.students().size();
        out.append(String.format("%-16s %8s %12s %10s%n", "exercise", "mean", "full marks", "zero"));
        for (Exercise e : grades.exercises()) {
            double mean = 0;
            int full = 0;
            int zero = 0;
            int total = 0;
            for (GradeReport r : grades.students()) {
                ExerciseScore s = r.score(e.id());
                mean += s.earned() / (double) n;
                full += s.full() ? 1 : 0;
                zero += s.earned() == 0 ? 1 : 0;
                total = s.total();
            }
            out.append(String.format(Locale.ROOT, "%-16s %5.1f/%-2d %8d/%-3d %6d/%-3d", e.id(), mean, total, full, n, zero, n).stripTrailing())
                    .append('\n');
        }
        out.append('\n').append(String.format("%-24s %9s%n", "student", "points"));
        for (GradeReport r : grades.students()) {
            out.append(String.format("%-24s %9s%n", r.submission(), r.earned() + "/" + r.total()));
        }
        return out.toString();
    }
}
