package org.finetunelab.model;

import ai.djl.Device;
import ai.djl.engine.Engine;

import java.util.Locale;

/**
 * Chooses where tensors live. The rule is simple: use a GPU when the engine sees one, otherwise the CPU;
 * the environment variable {@code FINETUNE_DEVICE=cpu|gpu} overrides the automatic choice.
 */
public final class Devices {
    /** Name of the environment variable that overrides the automatic device choice. */
    public static final String ENV = "FINETUNE_DEVICE";

    private Devices() {
    }

    /** The device this process trains on. */
    public static Device current() {
        return choose(System.getenv(ENV), Engine.getInstance().getGpuCount());
    }

    /**
     * The pure decision, kept separate so that it can be tested on a machine without a GPU.
     *
     * @param override  the value of {@code FINETUNE_DEVICE}, or null/blank for automatic
     * @param gpuCount  how many GPUs the engine sees
     */
    public static Device choose(String override, int gpuCount) {
        String wanted = override == null ? "" : override.trim().toLowerCase(Locale.ROOT);
        switch (wanted) {
            case "", "auto":
                return gpuCount > 0 ? Device.gpu() : Device.cpu();
            case "cpu":
                return Device.cpu();
            case "gpu", "cuda":
                if (gpuCount == 0) {
                    throw new IllegalStateException(ENV + "=gpu, but the engine sees no GPU. Install DJL's CUDA "
                            + "build (mvn -Dgpu package on a machine with CUDA and internet) or set " + ENV + "=cpu.");
                }
                return Device.gpu();
            default:
                throw new IllegalArgumentException(ENV + "='" + override + "' is not understood: use cpu, gpu or auto.");
        }
    }

    /** A one-line description for notebooks and logs, e.g. "cpu (2 threads)" or "gpu(0)". */
    public static String describe(Device device) {
        if (device.isGpu()) {
            return "gpu(" + device.getDeviceId() + ")";
        }
        return "cpu (" + Runtime.getRuntime().availableProcessors() + " cores)";
    }
}
