package org.finetunelab.experiments.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Peak memory of a stretch of work, in two parts: the Java heap (objects the JVM manages) and the whole
 * process's resident memory, which is where the engine's native tensors live. Linux keeps the resident
 * high-water mark (VmHWM in /proc/self/status); writing 5 to /proc/self/clear_refs resets it.
 */
public final class MemoryProbe {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    /** Peak memory since the last reset; native figures are -1 where /proc is not available. */
    public record Peak(long heapBytes, long residentPeakBytes, long residentNowBytes, boolean residentPeakReset) {
    }

    private boolean residentReset;

    /** Starts a new stretch: forgets earlier peaks. */
    public void reset() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
                pool.resetPeakUsage();
            }
        }
        try {
            Files.writeString(CLEAR_REFS, "5");
            residentReset = true;
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            residentReset = false;   // the peak then covers the whole process so far
        }
    }

    /** Peaks since {@link #reset()}. */
    public Peak peak() {
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
                heap += pool.getPeakUsage().getUsed();
            }
        }
        return new Peak(heap, statusKilobytes("VmHWM") * 1024, statusKilobytes("VmRSS") * 1024, residentReset);
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
