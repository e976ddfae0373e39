package org.finetunelab.results;

import org.finetunelab.experiments.bench.MachineInfo;
import org.finetunelab.model.Devices;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where a results file came from: the command that wrote it, when, from which version of the code, on which
 * machine and how busy that machine was. A figure without these cannot be reproduced or judged: the same code
 * gives the same numbers bit for bit only on the same kind of processor and math-library path, and a busy machine
 * slows every timing.
 *
 * @param fields the header lines in order, e.g. {@code command -> ./lab finetune compare --seeds 3}
 */
public record Provenance(Map<String, String> fields) {
    public static final String COMMAND = "command";
    public static final String DATE = "date";
    public static final String CODE_VERSION = "code version";
    public static final String MACHINE = "machine";
    public static final String LOAD = "load";
    /** The fields every results file has, in this order. */
    public static final List<String> REQUIRED = List.of(COMMAND, DATE, CODE_VERSION, MACHINE, LOAD);

    public Provenance {
        for (String key : REQUIRED) {
            if (!fields.containsKey(key)) {
                throw new IllegalArgumentException("results provenance: field '" + key + "' is missing (it has "
                        + fields.keySet() + ")");
            }
        }
        fields.forEach((k, v) -> {
            if (k.contains(":") || k.contains("\n") || v.contains("\n")) {
                throw new IllegalArgumentException("results provenance: field '" + k + "' must be one line without"
                        + " ':' in its name");
            }
        });
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** Taken when a command starts: the command line, now, the git version of the code, this machine and its load. */
    public static Provenance start(String command) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put(COMMAND, command);
        f.put(DATE, ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        f.put(CODE_VERSION, codeVersion(Path.of("").toAbsolutePath()));
        f.put(MACHINE, machine());
        f.put(LOAD, "load average " + loadAverage() + " (1, 5, 15 min) at the start");
        return new Provenance(f);
    }

    /** The same provenance with the load at the end added (a study runs for minutes; both ends tell more than one). */
    public Provenance finish() {
        return with(LOAD, fields.get(LOAD) + ", " + loadAverage() + " at the end");
    }

    /** The same provenance with one more field (e.g. "held-out examples"), or a field replaced. */
    public Provenance with(String key, String value) {
        Map<String, String> f = new LinkedHashMap<>(fields);
        f.put(key, value);
        return new Provenance(f);
    }

    public String get(String key) {
        return fields.get(key);
    }

    /**
     * The commit the code was at ({@code git describe --always --dirty}): "-dirty" means files differed from that
     * commit. "unknown" outside a git checkout.
     */
    static String codeVersion(Path folder) {
        try {
            Process git = new ProcessBuilder("git", "describe", "--always", "--dirty", "--abbrev=12")
                    .directory(folder.toFile()).redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (git.waitFor(30, TimeUnit.SECONDS) && git.exitValue() == 0 && !out.isEmpty()) {
                return out;
            }
            return "unknown (git describe failed: " + out.lines().findFirst().orElse("") + ")";
        } catch (IOException e) {
            return "unknown (git is not installed)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown (interrupted)";
        }
    }

    private static String machine() {
        MachineInfo m = MachineInfo.describe(Devices.current());
        return String.format(Locale.ROOT, "%s, %d cores, %.0f GiB, %s, Java %s, DJL %s with PyTorch %s, MKL code: %s",
                m.cpuModel(), m.cores(), m.memoryBytes() / (1024.0 * 1024 * 1024), m.os(), Runtime.version().feature(),
                m.djl(), m.pytorchEngine(), m.mklDispatch());
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts.length < 3 ? "unknown" : parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException | SecurityException e) {
            return "unknown";
        }
    }
}
