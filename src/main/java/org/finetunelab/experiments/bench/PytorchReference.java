package org.finetunelab.experiments.bench;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.finetunelab.model.GptConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The same models and training step in PyTorch from Python ({@code src/main/python/bench_pytorch.py},
 * run with Debian's python3-torch), as the reference the Java figures are compared with. The script
 * prints one JSON object on its standard output; its progress lines go to standard error.
 */
public final class PytorchReference {
    /** Where the script lives, relative to the project root. */
    public static final Path SCRIPT = Path.of("src/main/python/bench_pytorch.py");
    /** Debian's Python, which has python3-torch (a python3 earlier on PATH may not). */
    public static final String PYTHON = "/usr/bin/python3";

    /**
     * @param torchVersion     PyTorch's version, or null when the reference could not run
     * @param msPerStep        by case name ("base-cpu/full"), ms per step over the runs
     * @param parameters       by case name, the parameter count of the Python model (a check that it is the same model)
     * @param unavailableReason why there are no figures (null when there are)
     */
    public record Result(String torchVersion, int threads, Map<String, Stats> msPerStep, Map<String, Long> parameters,
                         String unavailableReason) {
        public static Result unavailable(String reason) {
            return new Result(null, 0, Map.of(), Map.of(), reason);
        }

        public boolean available() {
            return unavailableReason == null;
        }
    }

    private PytorchReference() {
    }

    /** The name of one measured case, shared by the Java and Python sides. */
    public static String caseName(BenchPreset preset, TrainingThroughput.Method method) {
        return preset.name() + "/" + method.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Runs every preset with both methods; never throws for a missing Python or torch, but says why. */
    public static Result measure(BenchConfig config, int threads, Path projectRoot, java.util.function.Consumer<String> progress) {
        Path script = projectRoot.resolve(SCRIPT);
        if (!Files.isRegularFile(script)) {
            return Result.unavailable(script + " was not found: run the bench from the project root.");
        }
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return Result.unavailable(PYTHON + " was not found: install Debian's python3-torch (./lab bench does it).");
        }
        List<String> command = List.of(PYTHON, script.toString(), "--threads", Integer.toString(threads),
                "--cases", casesJson(config));
        try {
            Path stdout = Files.createTempFile("bench-pytorch", ".json");
            Path stderr = Files.createTempFile("bench-pytorch", ".log");
            try {
                Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
                if (!process.waitFor(2, TimeUnit.HOURS)) {
                    process.destroyForcibly();
                    return Result.unavailable("bench_pytorch.py ran for more than 2 hours and was stopped.");
                }
                String out = Files.readString(stdout, StandardCharsets.UTF_8).trim();
                if (process.exitValue() != 0) {
                    return Result.unavailable("bench_pytorch.py failed (exit " + process.exitValue() + "): "
                            + lastLine(Files.readString(stderr, StandardCharsets.UTF_8))
                            + " (if torch is missing: sudo apt-get install python3-torch)");
                }
                progress.accept("PyTorch reference done");
                return parse(out);
            } finally {
                Files.deleteIfExists(stdout);
                Files.deleteIfExists(stderr);
            }
        } catch (IOException e) {
            return Result.unavailable("could not run " + PYTHON + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.unavailable("interrupted while bench_pytorch.py ran");
        }
    }

    static String casesJson(BenchConfig config) {
        List<Map<String, Object>> cases = new ArrayList<>();
        for (BenchPreset preset : config.presets()) {
            for (TrainingThroughput.Method method : TrainingThroughput.Method.values()) {
                GptConfig c = preset.config();
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", caseName(preset, method));
                m.put("vocab", c.vocabSize());
                m.put("context", c.contextLength());
                m.put("d", c.dModel());
                m.put("layers", c.nLayers());
                m.put("heads", c.nHeads());
                m.put("mlp_ratio", c.mlpRatio());
                m.put("batch", preset.batchSize());
                m.put("method", method.name().toLowerCase(java.util.Locale.ROOT));
                m.put("lora_rank", config.loraRank());
                m.put("warmup", config.warmupSteps());
                m.put("steps", config.timedSteps());
                m.put("repeats", config.repeats());
                cases.add(m);
            }
        }
        return new Gson().toJson(cases);
    }

    /** Reads the script's JSON: {"torch", "threads", "results": [{"name", "ms_per_step": [...]}]}. */
    static Result parse(String json) {
        try {
            JsonObject o = JsonParser.parseString(json).getAsJsonObject();
            Map<String, Stats> ms = new LinkedHashMap<>();
            Map<String, Long> parameters = new LinkedHashMap<>();
            for (JsonElement e : o.getAsJsonArray("results")) {
                JsonObject r = e.getAsJsonObject();
                JsonArray values = r.getAsJsonArray("ms_per_step");
                double[] runs = new double[values.size()];
                for (int i = 0; i < runs.length; i++) {
                    runs[i] = values.get(i).getAsDouble();
                }
                ms.put(r.get("name").getAsString(), Stats.of(runs));
                if (r.has("parameters")) {
                    parameters.put(r.get("name").getAsString(), r.get("parameters").getAsLong());
                }
            }
            return new Result(o.get("torch").getAsString(), o.get("threads").getAsInt(), ms, parameters, null);
        } catch (RuntimeException e) {
            return Result.unavailable("bench_pytorch.py printed something that is not the expected JSON ("
                    + e.getMessage() + "): " + json.lines().reduce((a, b) -> b).orElse("nothing"));
        }
    }

    private static String lastLine(String text) {
        return text.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("no message");
    }
}
