package org.finetunelab.experiments.bench;

import ai.djl.Device;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs every measurement of the benchmark in one go: matmul peak, training throughput (full and LoRA per
 * preset), memory (each case in a process of its own), generation speed and, optionally, the
 * PyTorch-from-Python reference.
 */
public final class Benchmark {
    private Benchmark() {
    }

    /**
     * @param command     the command line that started the run, for the report
     * @param projectRoot where {@code src/main/python/bench_pytorch.py} is found
     * @param progress    receives one line per finished measurement
     */
    public static BenchResults run(BenchConfig config, Device device, String command, Path projectRoot,
                                   Consumer<String> progress) {
        MachineInfo machine = MachineInfo.describe(device);
        Stats peak = MatmulPeak.measure(device, config.matmulSize(), Math.max(3, config.repeats()));
        progress.accept(String.format("matmul %d×%d: %.0f GFLOP/s (median)", config.matmulSize(), config.matmulSize(), peak.median()));

        List<TrainingThroughput.Result> training = new ArrayList<>();
        for (BenchPreset preset : config.presets()) {
            for (TrainingThroughput.Method method : TrainingThroughput.Method.values()) {
                TrainingThroughput.Result r = TrainingThroughput.measure(preset, method, config, device);
                training.add(r);
                progress.accept(String.format("train %s: %.0f ms/step, %.0f tokens/s, MFU %.0f%%",
                        PytorchReference.caseName(preset, method), r.msPerStep().median(), r.tokensPerSecond().median(),
                        100 * r.gflops().median() / peak.median()));
            }
        }

        List<MemoryCase.Result> memory = new ArrayList<>();
        for (TrainingThroughput.Result t : training) {
            MemoryCase.Result m = MemoryCase.measure(t.preset(), t.method(), config);
            memory.add(m);
            progress.accept(m.error() != null ? "memory " + PytorchReference.caseName(t.preset(), t.method()) + ": " + m.error()
                    : String.format("memory %s: peak resident %.0f MiB, %.0f MiB added by training",
                    PytorchReference.caseName(t.preset(), t.method()), m.peak().residentPeakBytes() / 1048576.0,
                    m.addedByTrainingBytes() / 1048576.0));
        }

        List<GenerationSpeed.Result> generation = new ArrayList<>();
        for (BenchPreset preset : config.presets()) {
            GenerationSpeed.Result g = GenerationSpeed.measure(preset, config.generationTokens(), config.repeats(), device);
            generation.add(g);
            progress.accept(String.format("generate %s: %.0f tokens/s with the KV cache, %.0f without (%.1f×)",
                    preset.name(), g.cached().median(), g.recomputed().median(), g.speedup()));
        }

        PytorchReference.Result pytorch;
        if (!config.python()) {
            pytorch = PytorchReference.Result.unavailable("not run (--no-python)");
        } else if (device.isGpu()) {
            pytorch = PytorchReference.Result.unavailable("not run on the GPU: Debian's python3-torch is built for the CPU only.");
        } else {
            progress.accept("PyTorch reference (Python) running...");
            pytorch = PytorchReference.measure(config, threads(), projectRoot, progress);
        }
        return new BenchResults(config, command, LocalDate.now(), machine, device.isGpu(), peak, training, memory, generation, pytorch);
    }

    /** The engine's intra-op threads, so that the Python side uses as many. */
    static int threads() {
        String configured = System.getProperty("ai.djl.pytorch.num_threads");
        try {
            return configured == null ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(configured.trim());
        } catch (NumberFormatException e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }
}
