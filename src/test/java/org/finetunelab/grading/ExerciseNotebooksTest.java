package org.finetunelab.grading;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exercise notebooks hold the same code as exercises/, so a student can work in either place: each exercise's
 * code cell is its file's text, and the cell under it grades that class. (The untouched files are graded to zero by
 * ./lab test's course check, so the notebooks' cells compile and fail cleanly too.) Regenerate the notebooks with
 * {@code python3 src/main/python/exercise_notebooks.py}.
 */
class ExerciseNotebooksTest {
    static final Path ROOT = Path.of("").toAbsolutePath();

    static JsonObject cell(JsonArray cells, String id) {
        for (JsonElement c : cells) {
            if (c.getAsJsonObject().get("id").getAsString().equals(id)) {
                return c.getAsJsonObject();
            }
        }
        return null;
    }

    static String source(JsonObject cell) {
        StringBuilder s = new StringBuilder();
        cell.getAsJsonArray("source").forEach(line -> s.append(line.getAsString()));
        return s.toString();
    }

    /** The notebook an exercise file names in its "Grade it" line. */
    static Path notebookNamedIn(String source) {
        Matcher m = Pattern.compile("notebooks/exercises/(Ex\\d\\d-[a-z-]+\\.ipynb)").matcher(source);
        return m.find() ? ROOT.resolve("notebooks/exercises").resolve(m.group(1)) : null;
    }

    @Test
    void eachExercisesCodeCellIsItsFileAndTheNextCellGradesIt() throws IOException {
        List<String> stale = new ArrayList<>();
        for (Exercise e : ExerciseCatalog.ALL) {
            String file = Files.readString(e.fileIn(ROOT.resolve("exercises")));
            Path notebook = notebookNamedIn(file);
            assertNotNull(notebook, e.fileName() + " names no notebook in its \"Grade it\" line");
            assertTrue(Files.isRegularFile(notebook), e.fileName() + " names " + notebook + ", which does not exist");
            assertEquals(notebook, notebookNamedIn(Files.readString(e.fileIn(ROOT.resolve("solutions")))), "the solution names the same notebook");
            JsonArray cells = JsonParser.parseString(Files.readString(notebook)).getAsJsonObject().getAsJsonArray("cells");
            JsonObject code = cell(cells, "code-" + e.id());
            JsonObject grade = cell(cells, "grade-" + e.id());
            assertNotNull(code, notebook.getFileName() + " has no code cell for " + e.id());
            assertNotNull(grade, notebook.getFileName() + " has no grading cell for " + e.id());
            if (!source(code).equals(file.stripTrailing())) {
                stale.add(notebook.getFileName() + " (" + e.id() + ")");
            }
            assertEquals("Exercises.grade(\"" + e.id() + "\", " + e.className() + ".class);", source(grade));
        }
        assertEquals(List.of(), stale, "notebook cells that differ from their exercises/ file: run python3 src/main/python/exercise_notebooks.py");
    }

    @Test
    void theNotebooksUseTheLabsKernelAndHaveNoOutputs() throws IOException {
        try (var files = Files.list(ROOT.resolve("notebooks/exercises"))) {
            for (Path nb : files.filter(f -> f.toString().endsWith(".ipynb")).toList()) {
                JsonObject json = JsonParser.parseString(Files.readString(nb)).getAsJsonObject();
                assertEquals("finetune-lab", json.getAsJsonObject("metadata").getAsJsonObject("kernelspec").get("name").getAsString(), nb.toString());
                for (JsonElement c : json.getAsJsonArray("cells")) {
                    JsonObject cell = c.getAsJsonObject();
                    if (cell.has("outputs")) {
                        assertEquals(0, cell.getAsJsonArray("outputs").size(), nb.getFileName() + " is committed with outputs");
                    }
                }
            }
        }
    }
}
