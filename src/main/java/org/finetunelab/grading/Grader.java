package org.finetunelab.grading;

import org.finetunelab.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The exercise grader. Two ways in:
 * <ul>
 *   <li>{@link #gradeFolder}: a folder of source files laid out like {@code exercises/} (the student's copy,
 *       {@code solutions/}, one student's submission). Each file is compiled on its own with javax.tools and its
 *       checks run in a child JVM ({@link ChildJvmRun}), so a file that does not compile, crashes, loops or calls
 *       System.exit costs only its own points. This is what {@code ./lab grade} runs.</li>
 *   <li>{@link #grade(String, Class)}: a class that is already loaded, such as one written in a notebook cell; its
 *       checks run in this JVM with a time limit per check.</li>
 * </ul>
 * {@link #main} is the command line ({@link GraderCommand}).
 */
public final class Grader {
    /** Time for one check; the checks are small, so this only ever stops loops. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private Grader() {
    }

    /**
     * How a folder is graded.
     *
     * @param timeout          time limit per check
     * @param instructorChecks the folder of the instructor's checks to run as well, or null for the visible checks only
     */
    public record Settings(Duration timeout, Path instructorChecks) {
        public Settings {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the time limit per check must be positive, got " + timeout);
            }
        }

        public static Settings visibleChecks() {
            return new Settings(DEFAULT_TIMEOUT, null);
        }

        public Settings withInstructorChecks(Path folder) {
            return new Settings(timeout, folder);
        }
    }

    /** Grades the exercises in a folder laid out like exercises/; {@code label} names it in the report. */
    public static GradeReport gradeFolder(Path submission, String label, List<Exercise> exercises, Settings settings)
            throws IOException, InterruptedException {
        if (!Files.isDirectory(submission)) {
            throw new IllegalArgumentException("the submission folder " + submission + " does not exist or is not a folder");
        }
        Path work = Files.createTempDirectory("finetune-grading-");
        try {
            InstructorChecks instructor = settings.instructorChecks() == null ? null
                    : InstructorChecks.compile(settings.instructorChecks(), work.resolve("instructor"));
            String classpath = LabClasspath.current();
            List<ChildJvmRun.Job> jobs = new ArrayList<>();
            List<ExerciseScore> stopped = new ArrayList<>();
            for (Exercise exercise : exercises) {
                List<PlannedCheck> plan = PlannedCheck.of(exercise, instructor == null ? null : instructor.checksFor(exercise));
                SubmissionFiles.Found found = SubmissionFiles.find(submission, exercise);
                String problem = found.problem();
                Path classes = work.resolve("classes").resolve(exercise.id());
                if (problem == null) {
                    problem = SourceCompiler.compile(List.of(found.file()), found.file().getParent(), classes, classpath);
                    if (problem != null) {
                        problem = found.file().getFileName() + " " + problem;
                    }
                }
                if (problem == null) {
                    jobs.add(new ChildJvmRun.Job(exercise, classes, exercise.className(), plan));
                } else {
                    String why = problem;
                    stopped.add(new ExerciseScore(exercise, plan.stream().map(c -> c.result(CheckResult.Status.NOT_RUN, why)).toList(), why));
                }
            }
            Map<String, CheckResult> results = jobs.isEmpty() ? Map.of()
                    : ChildJvmRun.run(jobs, instructor == null ? null : instructor.classes(), settings.timeout(), work);
            List<ExerciseScore> scores = new ArrayList<>();
            for (Exercise exercise : exercises) {
                ExerciseScore score = stopped.stream().filter(s -> s.exercise().equals(exercise)).findFirst().orElse(null);
                if (score == null) {
                    ChildJvmRun.Job job = jobs.stream().filter(j -> j.exercise().equals(exercise)).findFirst().orElseThrow();
                    score = new ExerciseScore(exercise, job.checks().stream().map(c -> results.get(c.key())).toList(), null);
                }
                scores.add(score);
            }
            return new GradeReport(label, instructor != null, scores);
        } finally {
            AtomicFiles.deleteRecursively(work);
        }
    }

    /**
     * Grades a class that is already loaded against the exercise's visible checks, in this JVM: what a notebook cell
     * calls, e.g. {@code Grader.grade("lora", MyLora.class)}. An endless loop fails its check after the time limit
     * (its thread runs on until the kernel restarts); System.exit would end the kernel, as it would anywhere.
     */
    public static GradeReport grade(String exerciseId, Class<?> implementation) {
        Exercise exercise = ExerciseCatalog.byId(exerciseId);
        return new GradeReport(implementation.getSimpleName(), false,
                List.of(gradeLoaded(exercise, implementation, null, DEFAULT_TIMEOUT)));
    }

    /** One exercise in this JVM, with the instructor's check class too when it is given. */
    static ExerciseScore gradeLoaded(Exercise exercise, Class<?> implementation, Class<?> instructorChecks, Duration timeout) {
        if (!exercise.task().isAssignableFrom(implementation)) {
            throw new IllegalArgumentException(implementation.getSimpleName() + " does not implement " + exercise.task().getSimpleName()
                    + ", the interface of exercise " + exercise.id() + ": declare it as 'class " + implementation.getSimpleName()
                    + " implements " + exercise.task().getSimpleName() + "'");
        }
        List<PlannedCheck> plan = PlannedCheck.of(exercise, instructorChecks);
        Map<String, CheckResult> results = InProcessRun.run(plan, implementation, timeout);
        return new ExerciseScore(exercise, plan.stream().map(c -> results.get(c.key())).toList(), null);
    }

    public static void main(String[] args) {
        System.exit(GraderCommand.run(args, System.out, System.err));
    }
}
