package org.finetunelab.stats;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatsTest {
    @Test
    void aSpreadHasTheMeanTheSampleStandardDeviationAndTheRange() {
        Spread s = Spread.of(0.60, 0.70, 0.80);
        assertEquals(3, s.runs());
        assertEquals(0.70, s.mean(), 1e-12);
        assertEquals(0.10, s.std(), 1e-12);
        assertEquals(0.60, s.min());
        assertEquals(0.80, s.max());
        assertEquals("0.700 ± 0.100 (0.600–0.800, 3 seeds)", s.describe("%.3f"));
        assertEquals(0, Spread.of(0.5).std());
        assertEquals("0.500 (1 seed)", Spread.of(0.5).describe("%.3f"));
        assertThrows(IllegalArgumentException.class, Spread::of);
        assertThrows(IllegalArgumentException.class, () -> Spread.of(0.5, Double.NaN));
    }

    @Test
    void seedsAreConsecutiveFromTheFirstAndThreeByDefault() {
        assertArrayEquals(new long[]{42, 43, 44}, Seeds.of(3));
        assertArrayEquals(new long[]{7}, Seeds.of(1, 7));
        assertThrows(IllegalArgumentException.class, () -> Seeds.of(0));
        int expected = "1".equals(System.getenv("FINETUNE_QUICK")) ? 1 : 3;
        assertEquals(expected, Seeds.defaultCount());
    }

    @Test
    void theHeldOutSetsSamplingErrorIsBinomial() {
        // 144 held-out reviews: one review is 0.7 points, the standard error at 50% about 4 points.
        assertEquals(0.0417, HeldOut.standardError(0.5, 144), 1e-4);
        assertEquals(0.0382, HeldOut.standardError(0.7, 144), 1e-4);
        assertEquals(0, HeldOut.standardError(1.0, 144));
        assertTrue(HeldOut.describe(144).contains("0.7 points") && HeldOut.describe(144).contains("±4.2"),
                HeldOut.describe(144));
        assertThrows(IllegalArgumentException.class, () -> HeldOut.standardError(0.5, 0));
        assertThrows(IllegalArgumentException.class, () -> HeldOut.standardError(1.5, 10));
    }

    @Test
    void aDifferenceCountsOnlyBeyondTheSeedsRangesAndTheSamplingError() {
        Spread probe = Spread.of(0.62, 0.64, 0.66);
        Spread full = Spread.of(0.73, 0.74, 0.76);
        Spread lora = Spread.of(0.65, 0.68, 0.70);       // overlaps the probe
        Spread close = Spread.of(0.67, 0.675, 0.68);     // apart from the probe, but by less than the sampling error
        assertEquals(Verdict.Standing.ABOVE, Verdict.compare(full, probe, 144));
        assertEquals(Verdict.Standing.BELOW, Verdict.compare(probe, full, 144));
        assertEquals(Verdict.Standing.INDISTINGUISHABLE, Verdict.compare(lora, probe, 144));
        assertEquals(Verdict.Standing.INDISTINGUISHABLE, Verdict.compare(close, probe, 144));
        assertEquals(Verdict.Standing.ABOVE, Verdict.compare(close, probe, 100_000), "a huge held-out set resolves it");
        assertEquals(Verdict.Standing.INDISTINGUISHABLE, Verdict.compare(Spread.of(0.9), Spread.of(0.5), 144),
                "one seed has no spread to judge by");

        Map<String, Spread> all = new LinkedHashMap<>();
        all.put("probe", probe);
        all.put("lora", lora);
        all.put("full", full);
        assertEquals(List.of("full"), Verdict.against("probe", all, 144).get(Verdict.Standing.ABOVE));
        assertEquals(List.of("lora"), Verdict.against("probe", all, 144).get(Verdict.Standing.INDISTINGUISHABLE));
        assertEquals("Clearly above probe: full. Indistinguishable from probe: lora.", Verdict.sentence("probe", all, 144));
        assertThrows(IllegalArgumentException.class, () -> Verdict.against("bitfit", all, 144));
    }
}
