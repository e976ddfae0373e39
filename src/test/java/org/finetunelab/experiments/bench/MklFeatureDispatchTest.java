package org.finetunelab.experiments.bench;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * ./lab preloads src/main/native/mkl_feature_dispatch.c into its Java processes on AMD processors with AVX2, so
 * that MKL picks its tuned code (see that file). These tests run the checks that apply where they run.
 */
class MklFeatureDispatchTest {
    private static final String LIBRARY = "libmkl_feature_dispatch.so";

    @Test
    void aPreloadedLibraryIsLoadedAndReported() throws IOException {
        String preload = System.getenv("LD_PRELOAD");
        assumeTrue(preload != null && preload.contains(LIBRARY), "not preloaded here");
        String maps = Files.readString(Path.of("/proc/self/maps"));
        assertTrue(maps.contains(LIBRARY), "LD_PRELOAD names " + preload + " but the process has not loaded it");
        assertEquals("by instruction set (src/main/native/mkl_feature_dispatch.c preloaded)",
                MachineInfo.describe(Device.cpu()).mklDispatch());
    }

    /** Under ./lab test (which sets LAB_TEST) on a processor it applies to, the lab must have preloaded it. */
    @Test
    void theLabPreloadsItOnAmdProcessorsWithAvx2() throws IOException {
        assumeTrue("1".equals(System.getenv("LAB_TEST")), "only under ./lab test");
        assumeTrue(!"0".equals(System.getenv("LAB_MKL_FEATURE_DISPATCH")), "turned off by LAB_MKL_FEATURE_DISPATCH=0");
        String cpuinfo = Files.readString(Path.of("/proc/cpuinfo"));
        assumeTrue(cpuinfo.contains("AuthenticAMD") && cpuinfo.matches("(?s).*\\bavx2\\b.*"), "not an AMD processor with AVX2");
        assumeTrue(onPath("cc"), "no C compiler: the lab runs without the library and says so");
        String preload = System.getenv("LD_PRELOAD");
        assertTrue(preload != null && preload.contains(LIBRARY), "./lab did not preload " + LIBRARY + ": LD_PRELOAD=" + preload);
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
