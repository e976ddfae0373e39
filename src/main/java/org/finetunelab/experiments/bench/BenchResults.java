package org.finetunelab.experiments.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Everything one benchmark run measured, ready for the report. */
public record BenchResults(BenchConfig config, String command, LocalDate date, MachineInfo machine, boolean gpu,
                           Stats matmulGflops, List<TrainingThroughput.Result> training, List<MemoryCase.Result> memory,
                           List<GenerationSpeed.Result> generation, PytorchReference.Result pytorch) {

    public Optional<TrainingThroughput.Result> training(String presetName, TrainingThroughput.Method method) {
        return training.stream().filter(r -> r.preset().name().equals(presetName) && r.method() == method).findFirst();
    }

    /** Model FLOPs utilisation by the medians: achieved GFLOP/s over the matmul peak. */
    public double mfu(TrainingThroughput.Result r) {
        return r.gflops().median() / matmulGflops.median();
    }

    /** PyTorch-from-Python tokens/s of the same case (by its median), if it was measured. */
    public Optional<Double> pytorchTokensPerSecond(TrainingThroughput.Result r) {
        Stats ms = pytorch.msPerStep().get(PytorchReference.caseName(r.preset(), r.method()));
        return ms == null ? Optional.empty() : Optional.of(r.preset().tokensPerStep() / (ms.median() / 1000));
    }
}
