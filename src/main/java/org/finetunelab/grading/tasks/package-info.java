/**
 * What each exercise asks for: one interface per exercise, which the student's class implements
 * ({@code class MyLora implements LoraExercise}). The grader creates the student's class with its no-argument
 * constructor, a fresh object for every check, and calls these methods. All of them work on plain Java arrays,
 * so that each exercise is about one idea and nothing else.
 */
package org.finetunelab.grading.tasks;
