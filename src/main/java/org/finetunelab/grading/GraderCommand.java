package org.finetunelab.grading;

import org.finetunelab.io.AtomicFiles;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code ./lab grade}: the command line of the grader. It prints the grade table, writes the JSON report, and exits 0
 * when grading ran (a low grade is not an error); bad options exit 2 with a message that names the option.
 */
final class GraderCommand {
    static final String USAGE = """
            Usage: ./lab grade [EXERCISE] [--solutions | --submission DIR] [--instructor] [--json FILE] [--timeout SECONDS]
                   ./lab grade --class DIR [EXERCISE] [--instructor] [--out DIR] [--timeout SECONDS]

              EXERCISE          grade this exercise only (default: all); e.g. lora, dpo, top-p
              (no folder)       grade your copy, exercises/
              --solutions       grade solutions/ (the worked answers)
              --submission DIR  grade DIR, laid out like exercises/ (files found by name if not)
              --instructor      run the instructor's checks too (instructor/, not in the student's copy)
              --json FILE       where the JSON report goes (default: target/grading/NAME.json)
              --timeout SECONDS time limit per check (default: 5)
              --class DIR       grade every student's folder in DIR: grades.csv, summary.txt, histogram.png
                                and one JSON report per student go to --out (default: target/grading/class)
              --course-check    what ./lab test runs: solutions/ must get full marks, exercises/ zero
            """;

    private GraderCommand() {
    }

    /** The parsed command line. Exactly one of submission, classFolder and courseCheck says what to grade. */
    record Options(Path root, String exercise, Path submission, String label, Path json, boolean instructor, Path classFolder,
                   Path out, Duration timeout, boolean courseCheck, boolean strict, boolean help) {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Options o = parse(args, Path.of("").toAbsolutePath().normalize());
            if (o.help()) {
                out.print(USAGE);
                return 0;
            }
            List<Exercise> exercises = o.exercise() == null ? ExerciseCatalog.ALL : List.of(ExerciseCatalog.byId(o.exercise()));
            Grader.Settings settings = new Grader.Settings(o.timeout(), o.instructor() ? o.root().resolve("instructor") : null);
            if (o.courseCheck()) {
                return CourseCheck.run(o.root(), exercises, settings, out);
            }
            if (o.classFolder() != null) {
                ClassGrading.run(o.classFolder(), exercises, settings, o.out(), out);
                return 0;
            }
            GradeReport report = Grader.gradeFolder(o.submission(), o.label(), exercises, settings);
            out.print(report.text());
            AtomicFiles.writeString(o.json(), report.json());
            out.println("JSON report: " + shown(o.root(), o.json()));
            if (o.strict()) {
                long full = report.exercises().stream().filter(ExerciseScore::full).count();
                out.println(full + " passed, " + (report.exercises().size() - full) + " failed");
                return full == report.exercises().size() ? 0 : 1;
            }
            if (!o.instructor() && report.earned() == report.total() && report.total() > 0) {
                out.println("All visible checks pass. The instructor's checks (--instructor) look at a few more cases.");
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("grade: error: " + e.getMessage());
            err.println("grade: see ./lab grade --help");
            return 2;
        } catch (IOException | IllegalStateException e) {
            err.println("grade: error: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("grade: interrupted");
            return 130;
        }
    }

    static Options parse(String[] args, Path workingFolder) {
        Path root = workingFolder;
        String exercise = null;
        Path submission = null;
        Path json = null;
        Path classFolder = null;
        Path out = null;
        Duration timeout = Grader.DEFAULT_TIMEOUT;
        boolean solutions = false;
        boolean instructor = false;
        boolean courseCheck = false;
        boolean strict = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-h", "--help" -> {
                    return new Options(root, null, null, null, null, false, null, null, timeout, false, false, true);
                }
                case "--root" -> root = Path.of(value(args, ++i, a, "a folder")).toAbsolutePath().normalize();
                case "--solutions" -> solutions = true;
                case "--instructor" -> instructor = true;
                case "--course-check" -> courseCheck = true;
                case "--submission" -> submission = Path.of(value(args, ++i, a, "a folder"));
                case "--json" -> json = Path.of(value(args, ++i, a, "a file name"));
                case "--class" -> classFolder = Path.of(value(args, ++i, a, "a folder of student folders"));
                case "--out" -> out = Path.of(value(args, ++i, a, "a folder"));
                case "--timeout" -> timeout = seconds(value(args, ++i, a, "a number of seconds"));
                default -> {
                    if (a.startsWith("-")) {
                        throw new IllegalArgumentException("unknown option '" + a + "'");
                    }
                    if (Files.isDirectory(Path.of(a)) && !isExerciseId(a)) {
                        // The contract ./lab test's hook relies on: Grader DIR grades DIR and fails unless all is full marks.
                        submission = Path.of(a);
                        strict = true;
                    } else if (exercise != null) {
                        throw new IllegalArgumentException("give one exercise, got '" + exercise + "' and '" + a + "'");
                    } else {
                        exercise = ExerciseCatalog.byId(a).id();
                    }
                }
            }
        }
        int targets = (solutions ? 1 : 0) + (submission != null ? 1 : 0) + (classFolder != null ? 1 : 0) + (courseCheck ? 1 : 0);
        if (targets > 1) {
            throw new IllegalArgumentException("--solutions, --submission, --class and --course-check each say what to grade: give one of them");
        }
        if (out != null && classFolder == null) {
            throw new IllegalArgumentException("--out is for --class (a single submission's report goes to --json)");
        }
        if (json != null && (classFolder != null || courseCheck)) {
            throw new IllegalArgumentException("--json is for one submission; --class writes one report per student to --out");
        }
        if (classFolder != null && !Files.isDirectory(classFolder)) {
            throw new IllegalArgumentException("--class " + classFolder + ": no such folder");
        }
        if (submission != null && !Files.isDirectory(submission)) {
            throw new IllegalArgumentException("--submission " + submission + ": no such folder");
        }
        String label;
        if (courseCheck || classFolder != null) {
            label = null;
        } else if (submission == null) {
            String folder = solutions ? "solutions" : "exercises";
            submission = root.resolve(folder);
            if (!Files.isDirectory(submission)) {
                throw new IllegalArgumentException("there is no " + folder + "/ folder in " + root + ": run ./lab grade in the FineTune Lab folder");
            }
            label = folder + "/";
        } else {
            label = submission.toString();
        }
        if (label != null && json == null) {
            String name = submission.toAbsolutePath().normalize().getFileName().toString();
            json = root.resolve("target/grading").resolve(name + (exercise == null ? "" : "-" + exercise) + ".json");
        }
        if (classFolder != null && out == null) {
            out = root.resolve("target/grading/class");
        }
        return new Options(root, exercise, submission, label, json, instructor, classFolder, out, timeout, courseCheck, strict, false);
    }

    private static boolean isExerciseId(String a) {
        return ExerciseCatalog.ALL.stream().anyMatch(e -> e.id().equals(a));
    }

    private static String value(String[] args, int i, String option, String what) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs " + what);
        }
        return args[i];
    }

    private static Duration seconds(String text) {
        try {
            double s = Double.parseDouble(text);
            if (!(s > 0) || s > 3600) {
                throw new NumberFormatException();
            }
            return Duration.ofMillis(Math.round(s * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--timeout needs a number of seconds between 0 and 3600, got '" + text + "'");
        }
    }

    static String shown(Path root, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(root) ? root.relativize(absolute).toString() : absolute.toString();
    }
}
