package org.finetunelab.lab;

import org.finetunelab.results.Provenance;
import org.finetunelab.results.ReadmeResults;
import org.finetunelab.results.ResultsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code ./lab time-lessons} records each lesson's run time through the notebook runner ({@code notebooks.py run
 * --times}); the README's lesson times are rendered from that file. A lesson timed again replaces its own row only.
 */
class LessonTimesTest {
    static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path tmp;

    @Test
    void aLessonTimedAgainReplacesOnlyItsRowAndTheReadmeShowsEveryLesson() throws Exception {
        assumeTrue(new ProcessBuilder(PYTHON, "-c", "import nbformat, nbclient").start().waitFor() == 0,
                "Debian's python3-nbclient (./lab installs it)");
        Path file = tmp.resolve(ReadmeResults.LESSON_TIMES + ".csv");
        String script = String.join("\n",
                "import sys; sys.path.insert(0, 'src/main/python')",
                "import notebooks, provenance",
                "from pathlib import Path",
                "header = provenance.Header('./lab time-lessons', '.')",
                "def row(name, mode, wall, result):",
                "    return {'notebook': name, 'mode': mode, 'wall seconds': wall, 'CPU seconds': '150', 'result': result,",
                "            'date': '2026-12-03T10:00:00Z', 'code version': 'abc123', 'load at start': '0.25'}",
                "path = Path(sys.argv[1])",
                "notebooks.record_times(path, header, row('01-base.ipynb', 'default', '60', 'ok'))",
                "notebooks.record_times(path, header, row('00-welcome.ipynb', 'default', '30', 'ok'))",
                "notebooks.record_times(path, header, row('00-welcome.ipynb', 'quick', '5', 'ok'))",
                "notebooks.record_times(path, header, row('01-base.ipynb', 'default', '240', 'failed'))");
        Process p = new ProcessBuilder(PYTHON, "-c", script, file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);

        assertEquals(3, ResultsFile.read(file).rowCount(), "one row per lesson and mode");
        assertEquals("./lab time-lessons", ResultsFile.provenance(file).get(Provenance.COMMAND));
        String block = ReadmeResults.render(ReadmeResults.LESSON_TIMES, tmp);
        assertTrue(block.contains("| `00-welcome` | 0.5 min | 2.5 min | 2026-12-03 (0.25) |"), block);
        assertTrue(block.contains("| `01-base` | failed |"), "the second timing replaced the first: " + block);
        assertEquals(2, block.lines().filter(l -> l.startsWith("| `")).count(), "quick-mode rows stay out: " + block);
        assertTrue(block.contains("the slowest is `00-welcome` at 0.5 minutes"), block);
    }
}
