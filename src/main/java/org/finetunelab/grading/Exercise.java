package org.finetunelab.grading;

import java.nio.file.Path;

/**
 * One exercise: what the student writes ({@code className}, implementing {@code task}) and where
 * ({@code exercises/<folder>/<className>.java}), the lesson it belongs to, and the checks that grade it: the
 * student-visible ones ({@code checks}, part of the library) and the instructor's ({@code instructorChecks}, a source
 * file kept in {@code instructor/<folder>/}, outside the student's copy).
 */
public record Exercise(String id, String lesson, String title, String className, Class<?> task, Class<?> checks,
                       String instructorChecks) {

    /** The folder of this exercise inside exercises/, solutions/ and instructor/, e.g. {@code 04-lora}. */
    public String folder() {
        return lesson + "-" + id;
    }

    /** The student's file name, e.g. {@code MyLora.java}. */
    public String fileName() {
        return className + ".java";
    }

    /** Where this exercise's file sits in a copy laid out like exercises/. */
    public Path fileIn(Path copy) {
        return copy.resolve(folder()).resolve(fileName());
    }
}
