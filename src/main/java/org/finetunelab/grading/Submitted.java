package org.finetunelab.grading;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;

/**
 * Hands a check the student's implementation: a check method declares a parameter of the exercise's interface
 * ({@code void scalesByAlphaOverRank(LoraExercise lora)}) and gets a fresh object of the student's class.
 *
 * <p>Which class? Its name comes from the run's configuration ({@value #IMPLEMENTATION}), and it is loaded through
 * the thread's context class loader, which the runner sets to the loader that holds the student's classes. So the
 * checks know nothing about where the code came from (a compiled file, a notebook cell) and no static state is needed.
 */
public final class Submitted implements ParameterResolver {
    /** The configuration parameter that names the student's class (its binary name). */
    public static final String IMPLEMENTATION = "finetunelab.grading.implementation";
    private static final String TASKS_PACKAGE = "org.finetunelab.grading.tasks";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type.isInterface() && type.getPackageName().equals(TASKS_PACKAGE);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> task = parameter.getParameter().getType();
        String name = context.getConfigurationParameter(IMPLEMENTATION)
                .orElseThrow(() -> new ParameterResolutionException("the grader did not name the class to grade ("
                        + IMPLEMENTATION + " is not set)"));
        Class<?> implementation;
        try {
            implementation = Class.forName(name, true, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new ParameterResolutionException("class " + simpleName(name) + " was not found: keep the class name the exercise gives");
        }
        if (!task.isAssignableFrom(implementation)) {
            throw new ParameterResolutionException(implementation.getSimpleName() + " does not implement " + task.getSimpleName()
                    + ": keep the line 'class " + implementation.getSimpleName() + " implements " + task.getSimpleName() + "'");
        }
        try {
            Constructor<?> constructor = implementation.getDeclaredConstructor();
            constructor.setAccessible(true);   // a notebook cell's class is not public
            return constructor.newInstance();
        } catch (NoSuchMethodException e) {
            throw new ParameterResolutionException(implementation.getSimpleName() + " needs a constructor without arguments: the grader creates it with new "
                    + implementation.getSimpleName() + "()");
        } catch (InvocationTargetException e) {
            // The student's constructor threw: show that exception, not the reflection around it.
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new ParameterResolutionException("cannot create " + implementation.getSimpleName() + ": " + e);
        }
    }

    private static String simpleName(String binaryName) {
        return binaryName.substring(Math.max(binaryName.lastIndexOf('.'), binaryName.lastIndexOf('$')) + 1);
    }
}
