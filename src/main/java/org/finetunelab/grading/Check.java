package org.finetunelab.grading;

import org.junit.jupiter.api.Test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One graded check: a JUnit test worth {@code points}, with the hint a student sees when it fails. It is a
 * {@link Test} itself, so a check method needs no other annotation. The hint names the idea to look at, not the fix
 * line by line; the assertion message says what was expected and what came back.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Test
public @interface Check {
    int points();

    String hint();
}
