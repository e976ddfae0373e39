package org.finetunelab.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InferenceScopeTest {

    /** Runs the check on a fresh thread, like a notebook cell: there PyTorch records gradients by default. */
    private static void onFreshThread(Runnable check) throws InterruptedException {
        Engine.getInstance();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                check.run();
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        thread.start();
        thread.join();
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
    }

    /** The autograd node PyTorch recorded for a result (the native call crashes when there is none). */
    private static String recorded(NDArray result) {
        return JniUtils.getGradientFunctionNames((PtNDArray) result);
    }

    @Test
    void switchesRecordingOffAndUsesOneThreadForSingleTokensThenRestores() throws InterruptedException {
        onFreshThread(() -> {
            assertTrue(JniUtils.isGradMode(), "precondition: a fresh thread records gradients");
            int threads = JniUtils.getNumThreads();
            try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
                NDArray w = m.ones(new Shape(3));
                w.setRequiresGradient(true);
                try (InferenceScope scope = InferenceScope.enter(Device.cpu())) {
                    assertTrue(scope.active());
                    assertFalse(JniUtils.isGradMode(), "no autograd graph is recorded inside the scope");
                    scope.singleToken(true);
                    assertEquals(1, JniUtils.getNumThreads());
                    scope.singleToken(false);
                    assertEquals(threads, JniUtils.getNumThreads());
                    scope.singleToken(true);
                }
                assertTrue(JniUtils.isGradMode(), "recording restored");
                assertEquals(threads, JniUtils.getNumThreads(), "thread count restored");
                assertEquals("MulBackward0", recorded(w.mul(w)), "recording on again after the scope");
            }
        });
    }

    @Test
    void generationLeavesTheThreadAsItFoundIt() throws InterruptedException {
        onFreshThread(() -> {
            int threads = JniUtils.getNumThreads();
            try (Gpt model = Gpt.create(GptConfig.tiny(50), 4, Device.cpu())) {
                new Generator(model).generate(new int[]{1, 2, 3}, GenerationConfig.greedy(5));
            }
            assertTrue(JniUtils.isGradMode());
            assertEquals(threads, JniUtils.getNumThreads());
        });
    }
}
