package org.finetunelab.experiments.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Peak memory of this process so far, in two parts: the Java heap (objects the JVM manages) and the whole
 * process's resident memory, which is where the engine's native tensors live. Linux keeps the resident
 * high-water mark as VmHWM in /proc/self/status.
 */
public final class MemoryProbe {
    private static final Path STATUS = Path.of("/proc/self/status");

    /** Peaks of the process so far; resident figures are -1 where /proc is not available. */
    public record Peak(long heapBytes, long residentPeakBytes, long residentNowBytes) {
    }

    private MemoryProbe() {
    }

    public static Peak peak() {
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
                heap += pool.getPeakUsage().getUsed();
            }
        }
        return new Peak(heap, bytes(statusKilobytes("VmHWM")), bytes(statusKilobytes("VmRSS")));
    }

    private static long bytes(long kilobytes) {
        return kilobytes < 0 ? -1 : kilobytes * 1024;
    }

    /** A "Name:   123 kB" line of /proc/self/status, in kB, or -1 when it cannot be read. */
    static long statusKilobytes(String field) {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException | SecurityException e) {
            return -1;
        }
        return -1;
    }
}
