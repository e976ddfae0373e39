package org.finetunelab.notebook;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.finetunelab.grading.Exercise;
import org.finetunelab.grading.ExerciseCatalog;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every lesson, {@code notebooks/NN-*.ipynb}, meets the course's standard. What this test looks for, so that a new
 * lesson meets it from the start:
 * <ul>
 *   <li><b>Goals</b>: the first markdown cell says what the student will do, with the words
 *       {@code In this lesson you will} (followed by a list or a sentence).</li>
 *   <li><b>Device and seed</b>: a code cell prints {@code Devices.describe(...)}, sets the seed with
 *       {@code setRandomSeed(...)} and prints it with a line starting {@code println("Seed}.</li>
 *   <li><b>A chart or a table</b>: a code cell calls {@code Notebook.chart(}, {@code Notebook.html(} or
 *       {@code Notebook.show(} (the text around it must interpret it; that part a person checks).</li>
 *   <li><b>Check your understanding</b>: a markdown heading {@code ## Check your understanding} (or {@code ###})
 *       followed by 3 to 5 numbered questions ({@code 1. ...}), and after them a heading {@code ### Answers} (or
 *       {@code ##}) with one numbered answer per question. Questions and answers may sit in one cell or in
 *       several markdown cells.</li>
 *   <li><b>Exercises</b>: when {@link ExerciseCatalog} has exercises for the lesson's number, a markdown cell
 *       headed {@code ## Exercises for this lesson} links the exercise notebook, e.g.
 *       {@code [exercises/Ex03-lora.ipynb](exercises/Ex03-lora.ipynb)}, and that file exists.</li>
 *   <li><b>No outputs</b>: lessons are committed without outputs or execution counts, and name the lab's kernel.</li>
 * </ul>
 */
class LessonStandardTest {
    static final Path NOTEBOOKS = Path.of("notebooks").toAbsolutePath();
    static final Pattern LESSON = Pattern.compile("(\\d\\d)-.+\\.ipynb");   // as ./lab test finds them
    static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} .*$");
    static final Pattern CHECK = Pattern.compile("(?m)^#{2,3} Check your understanding\\s*$");
    static final Pattern ANSWERS = Pattern.compile("(?m)^#{2,4} Answers\\s*$");
    static final Pattern NUMBERED = Pattern.compile("(?m)^\\d+\\. ");
    static final Pattern EXERCISES = Pattern.compile("(?m)^## Exercises for this lesson\\s*$");

    /** A lesson notebook read once: its cells' sources by kind. */
    record Lesson(String file, String number, JsonObject json, List<String> markdown, List<String> code) {
        static Lesson read(Path path) throws IOException {
            JsonObject json = JsonParser.parseString(Files.readString(path)).getAsJsonObject();
            List<String> markdown = new ArrayList<>(), code = new ArrayList<>();
            for (JsonElement c : json.getAsJsonArray("cells")) {
                JsonObject cell = c.getAsJsonObject();
                String type = cell.get("cell_type").getAsString();
                (type.equals("markdown") ? markdown : type.equals("code") ? code : new ArrayList<String>()).add(source(cell));
            }
            Matcher m = LESSON.matcher(path.getFileName().toString());
            assertTrue(m.matches(), path + " is not named NN-topic.ipynb");
            return new Lesson(path.getFileName().toString(), m.group(1), json, markdown, code);
        }

        String allMarkdown() {
            return String.join("\n\n", markdown);
        }

        boolean codeContains(String text) {
            return code.stream().anyMatch(c -> c.contains(text));
        }
    }

    static String source(JsonObject cell) {
        JsonElement s = cell.get("source");
        if (s.isJsonPrimitive()) {
            return s.getAsString();
        }
        StringBuilder out = new StringBuilder();
        s.getAsJsonArray().forEach(line -> out.append(line.getAsString()));
        return out.toString();
    }

    static List<Path> lessons() throws IOException {
        try (Stream<Path> files = Files.list(NOTEBOOKS)) {
            return files.filter(f -> LESSON.matcher(f.getFileName().toString()).matches()).sorted().toList();
        }
    }

    /** The text from the end of the heading matched at {@code from} up to the next heading. */
    static String section(String markdown, Matcher heading) {
        Matcher next = HEADING.matcher(markdown);
        int end = next.find(heading.end()) ? next.start() : markdown.length();
        return markdown.substring(heading.end(), end);
    }

    static int numbered(String text) {
        return (int) NUMBERED.matcher(text).results().count();
    }

    /** What a lesson lacks, one line each; empty when it meets the standard. */
    static List<String> problems(Lesson lesson) {
        List<String> out = new ArrayList<>();
        String name = lesson.file();
        if (lesson.markdown().isEmpty() || !lesson.markdown().get(0).toLowerCase().contains("in this lesson you will")) {
            out.add(name + ": the first markdown cell names no goals (write \"In this lesson you will ...\")");
        }
        if (!lesson.codeContains("Devices.describe(")) {
            out.add(name + ": no code cell prints the device (Devices.describe(Devices.current()))");
        }
        if (!lesson.codeContains("setRandomSeed(") || !lesson.codeContains("println(\"Seed")) {
            out.add(name + ": no code cell sets the seed with setRandomSeed(...) and prints it (System.out.println(\"Seed: \" + seed))");
        }
        if (Stream.of("Notebook.chart(", "Notebook.html(", "Notebook.show(").noneMatch(lesson::codeContains)) {
            out.add(name + ": shows no chart or table (Notebook.chart, Notebook.html or Notebook.show)");
        }
        String md = lesson.allMarkdown();
        Matcher check = CHECK.matcher(md);
        if (!check.find()) {
            out.add(name + ": no markdown heading \"## Check your understanding\"");
        } else {
            int questions = numbered(section(md, check));
            if (questions < 3 || questions > 5) {
                out.add(name + ": \"Check your understanding\" has " + questions + " numbered questions (1. ...), 3 to 5 expected");
            }
            Matcher answers = ANSWERS.matcher(md);
            if (!answers.find(check.end())) {
                out.add(name + ": no heading \"### Answers\" after \"Check your understanding\"");
            } else if (numbered(section(md, answers)) != questions) {
                out.add(name + ": " + numbered(section(md, answers)) + " numbered answers under \"Answers\" for " + questions + " questions");
            }
        }
        boolean hasExercises = ExerciseCatalog.ALL.stream().map(Exercise::lesson).anyMatch(lesson.number()::equals);
        if (hasExercises) {
            Pattern link = Pattern.compile("\\((exercises/Ex" + lesson.number() + "-[a-z0-9-]+\\.ipynb)\\)");
            String cell = lesson.markdown().stream().filter(c -> EXERCISES.matcher(c).find()).findFirst().orElse(null);
            Matcher m = cell == null ? null : link.matcher(cell);
            if (m == null || !m.find()) {
                out.add(name + ": lesson " + lesson.number() + " has exercises, but no \"## Exercises for this lesson\" cell "
                        + "linking (exercises/Ex" + lesson.number() + "-....ipynb)");
            } else if (!Files.isRegularFile(NOTEBOOKS.resolve(m.group(1)))) {
                out.add(name + ": links " + m.group(1) + ", which does not exist in notebooks/");
            }
        }
        for (JsonElement c : lesson.json().getAsJsonArray("cells")) {
            JsonObject cell = c.getAsJsonObject();
            boolean outputs = cell.has("outputs") && cell.getAsJsonArray("outputs").size() > 0;
            boolean counted = cell.has("execution_count") && !cell.get("execution_count").isJsonNull();
            if (outputs || counted) {
                out.add(name + ": committed with outputs or execution counts (clear them: Cell > All Output > Clear, then save)");
                break;
            }
        }
        JsonObject kernel = lesson.json().getAsJsonObject("metadata").getAsJsonObject("kernelspec");
        if (kernel == null || !"finetune-lab".equals(kernel.get("name").getAsString())) {
            out.add(name + ": does not name the lab's kernel (metadata.kernelspec.name \"finetune-lab\")");
        }
        return out;
    }

    @Test
    void everyLessonMeetsTheStandard() throws IOException {
        List<Path> lessons = lessons();
        assertFalse(lessons.isEmpty(), "no lessons found in " + NOTEBOOKS);
        List<String> problems = new ArrayList<>();
        for (Path path : lessons) {
            problems.addAll(problems(Lesson.read(path)));
        }
        assertEquals(List.of(), problems, "lessons below the standard (see LessonStandardTest's class comment)");
    }

    // The checks themselves, on small made-up lessons.

    static Lesson lesson(String number, String firstMarkdown, String code, String... moreMarkdown) {
        List<String> markdown = new ArrayList<>(List.of(firstMarkdown));
        markdown.addAll(List.of(moreMarkdown));
        JsonObject json = JsonParser.parseString("{\"cells\": [], \"metadata\": {\"kernelspec\": {\"name\": \"finetune-lab\"}}}")
                .getAsJsonObject();
        return new Lesson(number + "-made-up.ipynb", number, json, markdown, List.of(code));
    }

    static final String SETUP = "System.out.println(Devices.describe(Devices.current()));\nEngine.getInstance().setRandomSeed(1);\n"
            + "System.out.println(\"Seed: \" + 1);\nNotebook.chart(chart)";
    static final String QUESTIONS = "## Check your understanding\n\n1. One?\n2. Two?\n3. Three?";
    static final String ANSWERS_MD = "### Answers\n\n1. One.\n2. Two.\n3. Three.\n\n## What you learned\n\n1. not an answer";

    @Test
    void aLessonWithEverythingPasses() {
        assertEquals(List.of(), problems(lesson("98", "# 98\n\nIn this lesson you will:\n\n1. learn", SETUP, QUESTIONS, ANSWERS_MD)));
    }

    @Test
    void missingPartsAreEachNamed() {
        List<String> p = problems(lesson("98", "# 98 · no goals", "int x = 1;", "## Check your understanding\n\n1. Only one?"));
        assertTrue(p.stream().anyMatch(s -> s.contains("no goals")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.contains("prints the device")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.contains("seed")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.contains("no chart or table")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.contains("1 numbered questions")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.contains("no heading \"### Answers\"")), p.toString());
    }

    @Test
    void answersMustMatchTheQuestions() {
        List<String> p = problems(lesson("98", "In this lesson you will learn.", SETUP, QUESTIONS, "### Answers\n\n1. One.\n2. Two."));
        assertEquals(List.of("98-made-up.ipynb: 2 numbered answers under \"Answers\" for 3 questions"), p);
    }

    @Test
    void aLessonWithExercisesMustLinkThem() {
        String number = ExerciseCatalog.ALL.get(0).lesson();
        List<String> p = problems(lesson(number, "In this lesson you will learn.", SETUP, QUESTIONS, ANSWERS_MD));
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).contains("has exercises"), p.toString());
    }
}
