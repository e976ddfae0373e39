package org.finetunelab.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds an exercise's file in a submission. The expected place is {@code <folder>/MyLora.java}, as in exercises/;
 * a student who sends the files flat, or in other folders, is graded too, as long as the name is unique.
 */
final class SubmissionFiles {
    private SubmissionFiles() {
    }

    /** The file found, or the problem that stops this exercise (missing, or more than one). */
    record Found(Path file, String problem) {
    }

    static Found find(Path submission, Exercise exercise) throws IOException {
        Path expected = exercise.fileIn(submission);
        if (Files.isRegularFile(expected)) {
            return new Found(expected, null);
        }
        List<Path> matches;
        try (Stream<Path> files = Files.walk(submission)) {
            matches = files.filter(f -> f.getFileName().toString().equals(exercise.fileName()) && Files.isRegularFile(f))
                    .filter(f -> !hidden(submission.relativize(f)))
                    .sorted().toList();
        }
        if (matches.size() == 1) {
            return new Found(matches.get(0), null);
        }
        if (matches.isEmpty()) {
            return new Found(null, exercise.fileName() + " not found in " + submission + " (expected at " + submission.relativize(expected) + ")");
        }
        return new Found(null, matches.size() + " files are called " + exercise.fileName() + " in " + submission + ": "
                + matches.stream().map(m -> submission.relativize(m).toString()).collect(Collectors.joining(", ")) + "; keep one");
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
