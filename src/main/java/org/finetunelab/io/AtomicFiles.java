package org.finetunelab.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes files and folders so that a crash never leaves a half-written result behind.
 *
 * <p><b>Files.</b> {@link #write(Path, Content)} writes into a temporary file next to the target
 * ({@code .NAME.tmp-RANDOM}), forces it to disk, then renames it over the target with an atomic move and
 * forces the folder entry to disk. Whenever the process dies, the target is either the complete previous
 * version or the complete new one; at worst a stray temporary file is left, and the next write of the
 * same target removes it.
 *
 * <p><b>Folders</b> (a checkpoint with several files). A folder cannot be swapped in one step, so
 * {@link #writeDirectory(Path, DirectoryContent)} keeps this invariant instead: <i>at every moment either
 * {@code NAME} or {@code NAME.old} is a complete folder, and {@code NAME} is complete whenever it
 * exists.</i> The steps are: write and sync everything into {@code .NAME.tmp-RANDOM}; rename the current
 * {@code NAME} to {@code NAME.old}; rename the temporary folder to {@code NAME}; delete {@code NAME.old}.
 * A reader must therefore open a folder through {@link #resolveDirectory(Path)}, which returns
 * {@code NAME} when it exists and otherwise falls back to {@code NAME.old} (the state after a crash
 * between the two renames).
 *
 * <p>The guarantee relies on the operating system: rename within one folder must be atomic (true on
 * Linux and macOS file systems, and on NTFS), and fsync must reach the disk.
 */
public final class AtomicFiles {
    private static final String TMP_MARK = ".tmp-";
    private static final String OLD_SUFFIX = ".old";

    private AtomicFiles() {
    }

    /** Writes the bytes of one file into the stream it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Fills a fresh, empty folder with the files of a checkpoint. */
    @FunctionalInterface
    public interface DirectoryContent {
        void writeInto(Path emptyFolder) throws IOException;
    }

    /** Replaces {@code target} atomically with what {@code content} writes. */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Files.createDirectories(folder);
        deleteStaleTemporaries(absolute);
        Path tmp = folder.resolve(temporaryName(absolute));
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
            syncFolder(folder);
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** Replaces {@code target} atomically with the given bytes. */
    public static void writeBytes(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /** Replaces {@code target} atomically with the given text in UTF-8. */
    public static void writeString(Path target, String text) throws IOException {
        writeBytes(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Replaces the folder {@code target} with a new one that {@code content} fills, keeping the previous
     * folder loadable (see the class comment) until the new one is complete.
     */
    public static void writeDirectory(Path target, DirectoryContent content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path parent = absolute.getParent();
        Files.createDirectories(parent);
        deleteStaleTemporaries(absolute);
        Path tmp = parent.resolve(temporaryName(absolute));
        Path old = oldFolderOf(absolute);
        boolean swapped = false;
        try {
            Files.createDirectory(tmp);
            content.writeInto(tmp);
            syncTree(tmp);
            if (Files.exists(absolute)) {
                // NAME is complete, so an older NAME.old left by an earlier crash is redundant.
                deleteRecursively(old);
                Files.move(absolute, old, StandardCopyOption.ATOMIC_MOVE);
                syncFolder(parent);
            }
            // From here until the next rename only NAME.old exists, and it is complete.
            Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE);
            swapped = true;
            syncFolder(parent);
            deleteRecursively(old);
            syncFolder(parent);
        } finally {
            if (!swapped) {
                deleteRecursively(tmp);
            }
        }
    }

    /**
     * The folder to load for {@code target}: {@code target} itself when it exists, otherwise
     * {@code target.old} when a write was interrupted between its two renames.
     *
     * @throws NoSuchFileException when neither exists
     */
    public static Path resolveDirectory(Path target) throws NoSuchFileException {
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return absolute;
        }
        Path old = oldFolderOf(absolute);
        if (Files.isDirectory(old)) {
            return old;
        }
        throw new NoSuchFileException(absolute.toString(), null,
                "no such folder (nor " + old.getFileName() + " from an interrupted save): check the path");
    }

    /** The name under which the previous version of a folder waits while a new one is swapped in. */
    public static Path oldFolderOf(Path target) {
        Path absolute = target.toAbsolutePath();
        return absolute.resolveSibling(absolute.getFileName() + OLD_SUFFIX);
    }

    private static String temporaryName(Path target) {
        return "." + target.getFileName() + TMP_MARK + UUID.randomUUID();
    }

    /** Removes temporaries that an earlier, interrupted write of the same target left behind. */
    private static void deleteStaleTemporaries(Path target) throws IOException {
        String prefix = "." + target.getFileName() + TMP_MARK;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(target.getParent(), prefix + "*")) {
            for (Path entry : entries) {
                deleteRecursively(entry);
            }
        }
    }

    private static void syncTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (Files.isRegularFile(path)) {
                    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
                        channel.force(true);
                    }
                } else if (Files.isDirectory(path)) {
                    syncFolder(path);
                }
            }
        }
    }

    /** Makes a rename durable; some systems (Windows) cannot open a folder for this, which is harmless. */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Not supported here: the rename is still atomic, only its durability after a power cut is weaker.
        }
    }

    /** Deletes a file or a folder with everything in it (nothing when it does not exist); links are not followed. */
    public static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
