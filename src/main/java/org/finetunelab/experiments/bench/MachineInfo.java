package org.finetunelab.experiments.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.finetunelab.model.Devices;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the figures were measured on: processor, cores, memory, software versions and device. */
public record MachineInfo(String cpuModel, int cores, String engineThreads, long memoryBytes, String os, String java,
                          String djl, String pytorchEngine, String device, String mallocTunables,
                          String mklDispatch, String loadAverage) {

    public static MachineInfo describe(Device device) {
        return new MachineInfo(readCpuModel(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("ai.djl.pytorch.num_threads", "engine default"),
                MemoryProbe.statusKilobytes("VmRSS") < 0 ? -1 : meminfoBytes(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                Runtime.version() + " (" + System.getProperty("java.vendor") + ")",
                Engine.getDjlVersion(), Engine.getEngine("PyTorch").getVersion(), Devices.describe(device),
                System.getenv("GLIBC_TUNABLES") == null ? "not set (defaults)" : System.getenv("GLIBC_TUNABLES"),
                readMklDispatch(), readLoadAverage());
    }

    /**
     * How MKL chose its code: by instruction set when ./lab preloaded src/main/native/mkl_feature_dispatch.c (on AMD
     * processors), otherwise MKL's own choice, which on processors not made by Intel is generic code for some routines.
     */
    private static String readMklDispatch() {
        String preload = System.getenv("LD_PRELOAD");
        return preload != null && preload.contains("mkl_feature_dispatch")
                ? "by instruction set (src/main/native/mkl_feature_dispatch.c preloaded)"
                : "MKL's own (by processor maker)";
    }

    private static String readCpuModel() {
        for (String line : lines("/proc/cpuinfo")) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return "unknown (no /proc/cpuinfo)";
    }

    /** The 1, 5 and 15-minute load averages: above the core count, other processes were competing for the cores. */
    private static String readLoadAverage() {
        List<String> lines = lines("/proc/loadavg");
        if (lines.isEmpty()) {
            return "unknown";
        }
        String[] parts = lines.get(0).split(" ");
        return parts.length < 3 ? "unknown" : parts[0] + ", " + parts[1] + ", " + parts[2];
    }

    private static long meminfoBytes() {
        for (String line : lines("/proc/meminfo")) {
            if (line.startsWith("MemTotal:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return -1;
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException | SecurityException e) {
            return List.of();
        }
    }
}
