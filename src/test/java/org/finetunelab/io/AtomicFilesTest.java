package org.finetunelab.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private List<String> entries() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writeReplacesTheFileAndLeavesNoTemporaries() throws IOException {
        Path target = dir.resolve("notes.txt");
        AtomicFiles.writeString(target, "first");
        AtomicFiles.writeString(target, "second");
        assertEquals("second", Files.readString(target));
        assertEquals(List.of("notes.txt"), entries());
    }

    @Test
    void aWriteThatFailsMidwayKeepsThePreviousFile() throws IOException {
        Path target = dir.resolve("weights.bin");
        AtomicFiles.writeString(target, "complete old version");
        IOException failure = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(new byte[1 << 20]);
            throw new IOException("disk full (simulated)");
        }));
        assertEquals("disk full (simulated)", failure.getMessage());
        assertEquals("complete old version", Files.readString(target));
        assertEquals(List.of("weights.bin"), entries());
    }

    @Test
    void temporariesLeftByACrashAreRemovedByTheNextWrite() throws IOException {
        Path target = dir.resolve("model.safetensors");
        Files.writeString(dir.resolve(".model.safetensors.tmp-1234"), "half written");
        Files.writeString(dir.resolve("other.txt"), "not ours");
        AtomicFiles.writeString(target, "new");
        assertEquals(List.of("model.safetensors", "other.txt"), entries());
    }

    @Test
    void writeDirectoryReplacesTheWholeFolder() throws IOException {
        Path target = dir.resolve("checkpoint");
        AtomicFiles.writeDirectory(target, folder -> {
            Files.writeString(folder.resolve("a.txt"), "a1");
            Files.writeString(folder.resolve("b.txt"), "b1");
        });
        AtomicFiles.writeDirectory(target, folder -> Files.writeString(folder.resolve("a.txt"), "a2"));
        assertEquals("a2", Files.readString(target.resolve("a.txt")));
        assertFalse(Files.exists(target.resolve("b.txt")), "files of the previous version must not linger");
        assertEquals(List.of("checkpoint"), entries());
        assertEquals(target, AtomicFiles.resolveDirectory(target));
    }

    @Test
    void aFolderWriteThatFailsKeepsThePreviousFolder() throws IOException {
        Path target = dir.resolve("checkpoint");
        AtomicFiles.writeDirectory(target, folder -> Files.writeString(folder.resolve("a.txt"), "old"));
        assertThrows(IOException.class, () -> AtomicFiles.writeDirectory(target, folder -> {
            Files.writeString(folder.resolve("a.txt"), "new");
            throw new IOException("simulated failure");
        }));
        assertEquals("old", Files.readString(target.resolve("a.txt")));
        assertEquals(List.of("checkpoint"), entries());
    }

    @Test
    void aCrashBetweenTheTwoRenamesLeavesTheOldFolderLoadable() throws IOException {
        Path target = dir.resolve("checkpoint");
        AtomicFiles.writeDirectory(target, folder -> Files.writeString(folder.resolve("a.txt"), "old"));
        // The state a crash leaves after "NAME -> NAME.old" and before "tmp -> NAME".
        Files.move(target, AtomicFiles.oldFolderOf(target));
        Files.createDirectory(dir.resolve(".checkpoint.tmp-crashed"));
        Path loadable = AtomicFiles.resolveDirectory(target);
        assertEquals("old", Files.readString(loadable.resolve("a.txt")));

        AtomicFiles.writeDirectory(target, folder -> Files.writeString(folder.resolve("a.txt"), "new"));
        assertEquals("new", Files.readString(AtomicFiles.resolveDirectory(target).resolve("a.txt")));
        assertEquals(List.of("checkpoint"), entries());
    }

    @Test
    void aStaleOldFolderNextToACompleteOneIsIgnoredAndCleanedUp() throws IOException {
        Path target = dir.resolve("checkpoint");
        AtomicFiles.writeDirectory(target, folder -> Files.writeString(folder.resolve("a.txt"), "current"));
        Files.createDirectories(AtomicFiles.oldFolderOf(target));
        Files.writeString(AtomicFiles.oldFolderOf(target).resolve("a.txt"), "partly deleted");
        assertEquals(target, AtomicFiles.resolveDirectory(target));
        AtomicFiles.writeDirectory(target, folder -> Files.writeString(folder.resolve("a.txt"), "next"));
        assertEquals(List.of("checkpoint"), entries());
        assertEquals("next", Files.readString(target.resolve("a.txt")));
    }

    @Test
    void resolvingAMissingFolderSaysSo() {
        NoSuchFileException e = assertThrows(NoSuchFileException.class,
                () -> AtomicFiles.resolveDirectory(dir.resolve("nothing")));
        assertTrue(e.getMessage().contains("nothing"));
    }
}
