package org.finetunelab.cli;

import ai.djl.Device;
import org.finetunelab.experiments.bench.BenchConfig;
import org.finetunelab.experiments.bench.BenchFigures;
import org.finetunelab.experiments.bench.BenchPreset;
import org.finetunelab.experiments.bench.BenchReport;
import org.finetunelab.experiments.bench.BenchResults;
import org.finetunelab.experiments.bench.Benchmark;
import org.finetunelab.model.Devices;
import org.finetunelab.results.Provenance;
import org.finetunelab.results.ResultsFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code finetune bench}: measures training and generation speed on this machine and writes the report. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure training and generation speed on this machine and write the report.",
                "Measures the matmul peak, training throughput and MFU (full and LoRA), memory, generation speed",
                "with and without the KV cache, and the same training step in PyTorch from Python; writes the",
                "report to docs/benchmarks.md unless --out says otherwise."})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--full", description = "longer runs and more repeats (the quick default takes a few minutes)")
    boolean full;

    @Option(names = "--out", paramLabel = "FILE", description = "where to write the report (default: ${DEFAULT-VALUE})")
    Path out = Path.of("docs/benchmarks.md");

    @Option(names = "--results", paramLabel = "FILE", description = "where to write the headline figures as a results"
            + " file (default: docs/results/bench.csv with the default report, otherwise next to the report)")
    Path results;

    @Option(names = "--no-python", description = "skip the PyTorch-from-Python reference")
    boolean noPython;

    /** For the smoke test: a tiny model and a handful of steps instead of the real presets. */
    @Option(names = "--smoke", hidden = true)
    boolean smoke;

    @Override
    public Integer call() throws Exception {
        OptionCheck.notAFolder(out, "--out");
        PrintWriter stdout = spec.commandLine().getOut();
        Provenance provenance = Provenance.start("./lab " + String.join(" ",
                spec.commandLine().getParseResult().originalArgs()));
        Device device = Devices.current();
        BenchConfig config = config(device).withPython(!noPython);
        String command = "./lab bench" + (full ? " --full" : "") + (noPython ? " --no-python" : "")
                + (out.equals(Path.of("docs/benchmarks.md")) ? "" : " --out " + out);
        stdout.printf("bench (%s) on %s; this takes %s%n", config.mode(), Devices.describe(device),
                smoke ? "seconds" : full ? "about 10 minutes on 2 cores" : "a few minutes");
        stdout.flush();
        BenchResults results = Benchmark.run(config, device, command, Path.of("").toAbsolutePath(), line -> {
            stdout.println("  " + line);
            stdout.flush();
        });
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        BenchReport.write(results, out);
        Path figures = this.results != null ? this.results : out.equals(Path.of("docs/benchmarks.md"))
                ? Path.of("docs/results/bench.csv")
                : out.resolveSibling(out.getFileName().toString().replaceFirst("\\.md$", "") + ".csv");
        ResultsFile.write(figures, provenance.finish(), BenchFigures.of(results));
        stdout.println("report written to " + out + ", figures to " + figures);
        stdout.flush();
        return 0;
    }

    private BenchConfig config(Device device) {
        if (smoke) {
            return new BenchConfig("smoke", List.of(BenchPreset.tiny()), 1, 1, 1, 64, 4, 2, !noPython);
        }
        List<BenchPreset> presets = device.isGpu() ? BenchPreset.gpuPresets() : BenchPreset.cpuPresets();
        return full ? BenchConfig.full(presets) : BenchConfig.quick(presets);
    }
}
