package org.finetunelab.notebook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where {@link Notebook#file} finds the project: above the notebook, or (a student's copy on a hub) where the environment says. */
class NotebookFileTest {
    @TempDir
    Path tmp;

    private Path project(String name) throws IOException {
        Path root = Files.createDirectories(tmp.resolve(name).resolve("data"));
        Files.writeString(root.getParent().resolve("pom.xml"), "<project/>");
        return root.getParent();
    }

    @Test
    void theNearestProjectAboveTheNotebookWinsOverTheEnvironment() throws IOException {
        Path clone = project("clone");
        Path shared = project("shared");
        Path notebooks = Files.createDirectories(clone.resolve("notebooks/exercises"));
        assertEquals(clone, Notebook.projectFolder(notebooks, shared.toString()));
    }

    @Test
    void aCopyOutsideTheProjectUsesTheFolderTheEnvironmentNames() throws IOException {
        Path shared = project("shared");
        Path home = Files.createDirectories(tmp.resolve("home/alice/finetune-lab/notebooks"));
        assertEquals(shared, Notebook.projectFolder(home, shared.toString()));
    }

    @Test
    void aStudentsOwnFolderWinsWhereTheirCopyHasIt() throws IOException {
        Path shared = project("shared");
        Path copy = Files.createDirectories(tmp.resolve("home/alice/finetune-lab"));
        Path notebooks = Files.createDirectories(copy.resolve("notebooks"));
        Files.createDirectories(copy.resolve("data/my-personas"));
        assertEquals(copy.resolve("data/my-personas/robot.jsonl"),
                Notebook.file("data/my-personas/robot.jsonl", notebooks, shared.toString(), copy.toString()));
        assertEquals(shared.resolve("data/models/base"), Notebook.file("data/models/base", notebooks, shared.toString(), copy.toString()));
        assertEquals(shared.resolve("docs/results/x.csv"), Notebook.file("docs/results/x.csv", notebooks, shared.toString(), copy.toString()));
        assertEquals(copy, Notebook.file("", notebooks, shared.toString(), copy.toString()));
        Path inside = Files.createDirectories(shared.resolve("target/hub/homes/bob/finetune-lab"));   // the hub's test mode
        Files.createDirectories(inside.resolve("data/my-personas"));
        assertEquals(inside.resolve("data/my-personas/robot.jsonl"),
                Notebook.file("data/my-personas/robot.jsonl", inside.resolve("notebooks"), null, inside.toString()));
        assertEquals(shared.resolve("data/models/base"), Notebook.file("data/models/base", inside.resolve("notebooks"), null, inside.toString()));
        Path clone = project("clone");
        Path cloneNotebooks = Files.createDirectories(clone.resolve("notebooks"));
        assertEquals(clone.resolve("data/my-personas/robot.jsonl"),
                Notebook.file("data/my-personas/robot.jsonl", cloneNotebooks, shared.toString(), copy.toString()), "a clone keeps its own data");
    }

    @Test
    void aWrongEnvironmentFolderIsNamedInTheError() throws IOException {
        Path home = Files.createDirectories(tmp.resolve("home/bob/notebooks"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Notebook.projectFolder(home, tmp.resolve("nowhere").toString()));
        assertTrue(e.getMessage().contains("FINETUNE_LAB_ROOT=" + tmp.resolve("nowhere")), e.getMessage());
        assertThrows(IllegalStateException.class, () -> Notebook.projectFolder(home, null));
    }
}
