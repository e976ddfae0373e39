package org.finetunelab.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The engine settings of the calling thread while a model only predicts, restored on close. Two switches
 * matter for PyTorch on a CPU, and both are per thread, so they must be set by the thread that runs the
 * model (a notebook cell runs on another thread than the one that started the engine):
 *
 * <ul>
 *   <li><b>No autograd bookkeeping.</b> PyTorch records every operation on a weight that needs gradients
 *       unless recording is off; on threads other than the engine's first it is on by default. Prediction
 *       needs no gradients, so recording is switched off.</li>
 *   <li><b>One core for single-token steps.</b> Generating with the KV cache runs the model on one new
 *       token at a time: about 150 operations on tensors of a few hundred numbers. Splitting such an
 *       operation over two cores costs more (waking the second core and waiting for it) than it saves;
 *       measured on 2 cores, attention's products and softmax took 2–4× longer with two threads than with
 *       one. {@link #singleToken(boolean)} chooses one thread for such steps and the configured count for
 *       passes over many tokens.</li>
 * </ul>
 *
 * On other engines or devices nothing is changed.
 */
public final class InferenceScope implements AutoCloseable {
    private final boolean active;
    private final boolean gradWas;
    private final int threadsWere;
    private int threads;

    private InferenceScope(boolean active) {
        this.active = active;
        this.gradWas = active && JniUtils.isGradMode();
        this.threadsWere = active ? JniUtils.getNumThreads() : 0;
        this.threads = threadsWere;
        if (active) {
            JniUtils.setGradMode(false);
        }
    }

    /** Enters prediction mode on this thread for a model on {@code device}. */
    public static InferenceScope enter(Device device) {
        boolean pytorchOnCpu = Device.Type.CPU.equals(device.getDeviceType())
                && "PyTorch".equals(Engine.getInstance().getEngineName());
        return new InferenceScope(pytorchOnCpu);
    }

    /** Whether this scope changes anything (PyTorch on a CPU). */
    public boolean active() {
        return active;
    }

    /** Before each step: one thread when the step runs a single token, the configured count otherwise. */
    public void singleToken(boolean single) {
        int wanted = single ? 1 : threadsWere;
        if (active && wanted != threads) {
            JniUtils.setNumThreads(wanted);
            threads = wanted;
        }
    }

    @Override
    public void close() {
        if (active) {
            singleToken(false);
            JniUtils.setGradMode(gradWas);
        }
    }
}
