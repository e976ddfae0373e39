package org.finetunelab.lab;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The notebook runner's output check ({@code notebooks.py outputs}, applied by {@code ./lab run} and {@code ./lab test}
 * to every executed notebook): what a student must never see fails the notebook, with the cell and an excerpt.
 */
class NotebookOutputCheckTest {
    static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path tmp;

    record Result(int exitCode, String out) {
    }

    /** Runs the check on a notebook with one code cell whose output is {@code output}. */
    Result check(JsonObject output) throws Exception {
        assumeTrue(new ProcessBuilder(PYTHON, "-c", "import nbformat, nbclient").start().waitFor() == 0,
                "Debian's python3-nbclient (./lab installs it)");
        JsonObject cell = new JsonObject();
        cell.addProperty("cell_type", "code");
        cell.addProperty("source", "whatever();");
        JsonArray outputs = new JsonArray();
        outputs.add(output);
        cell.add("outputs", outputs);
        JsonArray cells = new JsonArray();
        cells.add(cell);
        JsonObject nb = new JsonObject();
        nb.add("cells", cells);
        Path file = tmp.resolve("executed.ipynb");
        Files.writeString(file, nb.toString());
        Process p = new ProcessBuilder(PYTHON, "src/main/python/notebooks.py", "outputs", file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Result(p.exitValue(), out);
    }

    static JsonObject stream(String text) {
        JsonObject o = new JsonObject();
        o.addProperty("output_type", "stream");
        o.addProperty("name", "stdout");
        o.addProperty("text", text);
        return o;
    }

    static JsonObject html(String html) {
        JsonObject data = new JsonObject();
        data.addProperty("text/html", html);
        JsonObject o = new JsonObject();
        o.addProperty("output_type", "display_data");
        o.add("data", data);
        o.add("metadata", new JsonObject());
        return o;
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '#', value = {
            "The answer<|endoftext|>                                  # a raw <|endoftext|> token",
            "ND: (2, 2) cpu() float32                                 # an NDArray printed as is",
            "java.lang.IllegalStateException: no\\n\\tat org.x.Y.z(Y.java:12) # a stack trace",
            "held-out loss 0.695187509059906                          # an unrounded number",
            "probability 0.12345679                                   # an unrounded number"})
    void whatAStudentMustNotSeeFailsNamingTheCell(String text, String what) throws Exception {
        Result r = check(stream(text.strip().replace("\\n", "\n").replace("\\t", "\t")));
        assertEquals(1, r.exitCode(), r.out());
        assertTrue(r.out().contains("cell 1 shows " + what), r.out());
    }

    @Test
    void anEscapedTokenInATableFailsToo() throws Exception {
        Result r = check(html("<table><tr><td>Paris.&lt;|endoftext|&gt;</td></tr></table>"));
        assertEquals(1, r.exitCode(), r.out());
        assertTrue(r.out().contains("a raw <|endoftext|> token"), r.out());
    }

    @Test
    void roundedNumbersVersionsAndTablesPass() throws Exception {
        assertEquals(0, check(stream("DJL 0.36.0, PyTorch 2.7.1; loss 0.695, 1,234,567.5 tokens, 0.69519, 1.2e-08\n")).exitCode());
        assertEquals(0, check(html("<table><tr><td style=\"width: 33.3333333%\">0.00012345</td></tr></table>")).exitCode());
    }
}
