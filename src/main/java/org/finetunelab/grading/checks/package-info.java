/**
 * The checks a student can read: one class per exercise, each check a JUnit test worth some points, with a hint.
 * The comment above each check names the typical mistake it catches; {@code MutantsTest} proves that it does, by
 * running the checks against copies of the solutions with exactly that mistake put in. The instructor's further
 * checks are in {@code instructor/}, outside the student's copy.
 */
package org.finetunelab.grading.checks;
