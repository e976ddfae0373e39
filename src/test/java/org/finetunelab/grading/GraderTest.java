package org.finetunelab.grading;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The grader itself: what a broken, looping or exiting submission costs, the command line, the reports. */
class GraderTest {
    static final Path ROOT = Path.of("").toAbsolutePath();

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
    }

    static Run command(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = GraderCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The solution's source with one exact text replaced. */
    static String solutionWith(String exercise, String from, String to) throws IOException {
        String source = Files.readString(ExerciseCatalog.byId(exercise).fileIn(ROOT.resolve("solutions")));
        assertTrue(source.contains(from), exercise + "'s solution no longer contains: " + from);
        return source.replace(from, to);
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    static Exercise ex(String id) {
        return ExerciseCatalog.byId(id);
    }

    static Map<String, CheckResult> byCheck(ExerciseScore score) {
        return score.checks().stream().collect(Collectors.toMap(CheckResult::check, c -> c));
    }

    @Test
    void systemExitALoopAndACompileErrorCostOnlyTheirOwnChecks() throws Exception {
        Path submission = tmp.resolve("student");
        // System.exit inside maskWithCache: the checks that only call mask() must still pass.
        write(ex("causal-mask").fileIn(submission), solutionWith("causal-mask",
                "double[][] mask = new double[t][past + t];", "if (past > 0) {\n            System.exit(3);\n        }\n        double[][] mask = new double[t][past + t];"));
        // An endless loop in meanLoss only.
        write(ex("dpo").fileIn(submission), solutionWith("dpo", "double sum = 0;", "while (policyChosen.length > 0) {\n        }\n        double sum = 0;"));
        // A file that does not compile.
        write(ex("lora").fileIn(submission), solutionWith("lora", "return new Weights(a, b);", "return new Weights(a, b)"));
        // A correct one, sent flat instead of in its folder.
        write(submission.resolve(ex("haiku").fileName()), Files.readString(ex("haiku").fileIn(ROOT.resolve("solutions"))));
        // ewc is missing altogether.

        long started = System.nanoTime();
        GradeReport report = Grader.gradeFolder(submission, "student", List.of(ex("causal-mask"), ex("dpo"), ex("lora"), ex("haiku"), ex("ewc")),
                new Grader.Settings(Duration.ofSeconds(2), null));
        double seconds = (System.nanoTime() - started) / 1e9;
        assertTrue(seconds < 60, "grading took " + seconds + " s");

        Map<String, CheckResult> mask = byCheck(report.score("causal-mask"));
        assertEquals(CheckResult.Status.PASSED, mask.get("letsEachTokenSeeItself").status(), mask.toString());
        assertEquals(CheckResult.Status.CRASHED, mask.get("hasOneRowPerQueryAndOneColumnPerKey").status());
        assertTrue(mask.get("hasOneRowPerQueryAndOneColumnPerKey").message().contains("exit code 3"), mask.get("hasOneRowPerQueryAndOneColumnPerKey").message());
        // After each crash a fresh JVM went on: the next checks passed, and the cache check crashed on its own.
        assertEquals(CheckResult.Status.PASSED, mask.get("hidesLaterTokens").status());
        assertEquals(CheckResult.Status.CRASHED, mask.get("withCacheQueryIStandsAtPastPlusI").status());
        assertEquals(6, report.score("causal-mask").earned());

        Map<String, CheckResult> dpo = byCheck(report.score("dpo"));
        assertEquals(CheckResult.Status.TIMED_OUT, dpo.get("meanLossAveragesThePairs").status());
        assertEquals(CheckResult.Status.PASSED, dpo.get("theMarginComparesGainsOverTheReference").status());
        assertEquals(9, report.score("dpo").earned(), "dpo loses only the point of meanLoss");

        ExerciseScore lora = report.score("lora");
        assertEquals(0, lora.earned());
        assertTrue(lora.problem().contains("MyLora.java does not compile: MyLora.java:"), lora.problem());
        assertTrue(lora.checks().stream().allMatch(c -> c.status() == CheckResult.Status.NOT_RUN));

        assertTrue(report.score("haiku").full(), "a flat submission is found by the file's name");
        assertTrue(report.score("ewc").problem().contains("MyEwc.java not found"), report.score("ewc").problem());
    }

    @Test
    void theCourseCheckFindsSolutionsFullAndExercisesZero() {
        Run run = command("--root", ROOT.toString(), "--course-check");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().strip().endsWith(ExerciseCatalog.ALL.size() + 1 + " passed, 0 failed"), run.out());
    }

    @Test
    void theGradeTableAndTheJsonReport() throws Exception {
        Path json = tmp.resolve("report.json");
        Run run = command("--root", ROOT.toString(), "top-p", "--json", json.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("top-p            01          0/10   sorts by probability: not written yet (TODO: write MyTopP.nucleus)"), run.out());
        assertTrue(run.out().contains("hint: sort the tokens by probability, most likely first"), run.out());
        JsonObject report = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertEquals(0, report.get("points").getAsInt());
        assertEquals(10, report.get("total").getAsInt());
        JsonObject first = report.getAsJsonArray("exercises").get(0).getAsJsonObject().getAsJsonArray("checks").get(0).getAsJsonObject();
        assertEquals("sortsByProbability", first.get("check").getAsString());
        assertEquals("failed", first.get("status").getAsString());
        assertTrue(first.get("hint").getAsString().startsWith("sort the tokens"));
    }

    @Test
    void aFolderAloneIsGradedStrictly() {
        // The older contract of ./lab test's hook: Grader DIR prints "N passed, N failed" and fails unless all is full marks.
        Run solved = command("--root", ROOT.toString(), ROOT.resolve("solutions").toString(), "--json", tmp.resolve("a.json").toString());
        assertEquals(0, solved.exit(), solved.out() + solved.err());
        assertTrue(solved.out().strip().endsWith(ExerciseCatalog.ALL.size() + " passed, 0 failed"), solved.out());
        Run untouched = command("--root", ROOT.toString(), ROOT.resolve("exercises").toString(), "dpo", "--json", tmp.resolve("b.json").toString());
        assertEquals(1, untouched.exit(), untouched.out() + untouched.err());
        assertTrue(untouched.out().strip().endsWith("0 passed, 1 failed"), untouched.out());
    }

    @Test
    void solutionsWithTheInstructorsChecksGetFullMarks() {
        Run run = command("--root", ROOT.toString(), "ewc", "--solutions", "--instructor", "--json", tmp.resolve("r.json").toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("ewc              09         14/14   all checks passed"), run.out());
    }

    @Test
    void badOptionsAreNamed() {
        assertError("unknown option '--frobnicate'", "--frobnicate");
        assertError("no exercise is called 'lorax'; the exercises are: causal-mask, attention", "lorax");
        assertError("--submission needs a folder", "--submission");
        assertError("--submission " + tmp.resolve("nowhere") + ": no such folder", "--submission", tmp.resolve("nowhere").toString());
        assertError("--timeout needs a number of seconds between 0 and 3600, got 'soon'", "--timeout", "soon");
        assertError("give one exercise, got 'lora' and 'dpo'", "lora", "dpo");
        assertError("--solutions, --submission, --class and --course-check each say what to grade", "--solutions", "--class", tmp.toString());
        assertError("--out is for --class", "--out", tmp.toString());
        assertError("there is no exercises/ folder in " + tmp, "--root", tmp.toString());
    }

    private static void assertError(String expected, String... args) {
        Run run = command(args);
        assertEquals(2, run.exit(), String.join(" ", args) + " → " + run.out() + run.err());
        assertTrue(run.err().startsWith("grade: error: ") && run.err().contains(expected), String.join(" ", args) + " → " + run.err());
    }

    @Test
    void aClassIsGradedIntoOneCsvASummaryAndAHistogram() throws Exception {
        Path klass = tmp.resolve("class");
        // alice: both exercises right.
        for (String id : List.of("dpo", "haiku")) {
            write(ex(id).fileIn(klass.resolve("alice")), Files.readString(ex(id).fileIn(ROOT.resolve("solutions"))));
        }
        // bob: dpo right, haiku does not compile.
        write(ex("dpo").fileIn(klass.resolve("bob")), Files.readString(ex("dpo").fileIn(ROOT.resolve("solutions"))));
        write(ex("haiku").fileIn(klass.resolve("bob")), "class MyHaiku implements {");
        // carol: nothing handed in. And a stray file beside the folders.
        Files.createDirectories(klass.resolve("carol"));
        write(klass.resolve("notes.txt"), "not a student");

        Path out = tmp.resolve("out");
        Run run = command("--root", ROOT.toString(), "--class", klass.toString(), "--out", out.toString(), "dpo");
        assertEquals(0, run.exit(), run.out() + run.err());
        // Only dpo was asked for: one row per student.
        assertEquals("student,exercise,points,total\nalice,dpo,10,10\nbob,dpo,10,10\ncarol,dpo,0,10\n", Files.readString(out.resolve("grades.csv")));

        run = command("--root", ROOT.toString(), "--class", klass.toString(), "--out", out.toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        List<String> rows = Files.readAllLines(out.resolve("grades.csv"));
        assertEquals(1 + 3 * ExerciseCatalog.ALL.size(), rows.size());
        assertTrue(rows.contains("alice,haiku,10,10"), rows.toString());
        assertTrue(rows.contains("bob,haiku,0,10"), rows.toString());
        assertTrue(rows.contains("carol,lora,0,10"), rows.toString());
        assertTrue(run.out().contains("skipped notes.txt: not a folder"), run.out());
        assertTrue(run.out().contains("alice                       20/130"), run.out());
        String summary = Files.readString(out.resolve("summary.txt"));
        assertTrue(summary.contains("dpo                6.7/10        2/3        1/3"), summary);
        byte[] png = Files.readAllBytes(out.resolve("histogram.png"));
        assertArrayEquals(new byte[]{(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
        JsonObject bob = JsonParser.parseString(Files.readString(out.resolve("reports/bob.json"))).getAsJsonObject();
        assertEquals(10, bob.get("points").getAsInt());
    }

    @Test
    void twoFilesOfTheSameNameAreAProblemNotAGuess() throws Exception {
        Path submission = tmp.resolve("s");
        write(submission.resolve("a/MyDpo.java"), "class MyDpo {}");
        write(submission.resolve("b/MyDpo.java"), "class MyDpo {}");
        SubmissionFiles.Found found = SubmissionFiles.find(submission, ex("dpo"));
        assertEquals("2 files are called MyDpo.java in " + submission + ": a/MyDpo.java, b/MyDpo.java; keep one", found.problem());
    }

    @Test
    void aClassThatDoesNotImplementTheInterfaceIsTold() throws Exception {
        Path submission = tmp.resolve("s");
        write(ex("dpo").fileIn(submission), "class MyDpo {\n}\n");
        GradeReport report = Grader.gradeFolder(submission, "s", List.of(ex("dpo")), Grader.Settings.visibleChecks());
        CheckResult first = report.score("dpo").checks().get(0);
        assertEquals("MyDpo does not implement DpoExercise: keep the line 'class MyDpo implements DpoExercise'", first.message());
    }

    /** A notebook-style class: right except for an endless loop in meanLoss (one that ends when interrupted). */
    static final class LoopingDpo implements org.finetunelab.grading.tasks.DpoExercise {
        @Override
        public double margin(double pc, double pr, double rc, double rr, double beta) {
            return beta * ((pc - rc) - (pr - rr));
        }

        @Override
        public double loss(double pc, double pr, double rc, double rr, double beta) {
            double m = margin(pc, pr, rc, rr, beta);
            return Math.max(-m, 0) + Math.log1p(Math.exp(-Math.abs(m)));
        }

        @Override
        public double meanLoss(double[] pc, double[] pr, double[] rc, double[] rr, double beta) {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.onSpinWait();
            }
            return 0;
        }
    }

    @Test
    void aLoopInALoadedClassTimesOutItsOwnCheck() {
        ExerciseScore score = Grader.gradeLoaded(ex("dpo"), LoopingDpo.class, null, Duration.ofSeconds(1));
        Map<String, CheckResult> checks = byCheck(score);
        assertEquals(CheckResult.Status.TIMED_OUT, checks.get("meanLossAveragesThePairs").status(), checks.toString());
        assertEquals(9, score.earned());
    }

    @Test
    void checkNamesReadAsWords() {
        assertEquals("starts B at zero", title("startsBAtZero"));
        assertEquals("a new adapter is the identity", title("aNewAdapterIsTheIdentity"));
        assertEquals("with cache query I stands at past plus I", title("withCacheQueryIStandsAtPastPlusI"));
    }

    private static String title(String check) {
        return new CheckResult("x", check, 1, false, CheckResult.Status.PASSED, "", "").title();
    }

    @Test
    void checksAreListedInSourceOrder() {
        List<String> names = PlannedCheck.of(ex("lora"), null).stream().map(c -> c.method().getName()).toList();
        assertEquals(List.of("startsBAtZero", "drawsASmallAndRandom", "aNewLayerComputesTheBase", "scalesTheUpdateByAlphaOverRank",
                "mergedWeightsComputeTheSame", "mergeLeavesTheBaseAlone", "aTrainingStepNeverTouchesW"), names);
    }

    @Test
    void everyExerciseIsWorthTenVisiblePoints() {
        for (Exercise e : ExerciseCatalog.ALL) {
            int points = PlannedCheck.of(e, null).stream().mapToInt(PlannedCheck::points).sum();
            assertEquals(10, points, e.id());
            assertTrue(ExerciseCatalog.LESSONS.containsKey(e.lesson()), e.id() + "'s lesson " + e.lesson());
        }
    }
}
