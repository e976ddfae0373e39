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
    void aWrongEnvironmentFolderIsNamedInTheError() throws IOException {
        Path home = Files.createDirectories(tmp.resolve("home/bob/notebooks"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Notebook.projectFolder(home, tmp.resolve("nowhere").toString()));
        assertTrue(e.getMessage().contains("FINETUNE_LAB_ROOT=" + tmp.resolve("nowhere")), e.getMessage());
        assertThrows(IllegalStateException.class, () -> Notebook.projectFolder(home, null));
    }
}
