package org.finetunelab.experiments;

import org.finetunelab.stats.Spread;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CostStudyTest {
    private static final long MIB = 1024 * 1024;

    @Test
    void memoryOverTheProbeIsEachPeakMinusTheProbesAndAccuracyJoinsByName() {
        List<CostStudy.Cost> costs = List.of(
                new CostStudy.Cost("probe", 10, 0.1, 50, 400 * MIB, 80, 40),
                new CostStudy.Cost("lora", 100, 1, 60, 430 * MIB, 800, 400));
        Table t = CostStudy.table(costs, Map.of("lora", new Spread(3, 0.7, 0.02, 0.68, 0.72)));
        assertEquals(List.of(0.0, 30.0), t.doubleColumn(CostStudy.OVER_PROBE_MIB).asList());
        assertTrue(t.doubleColumn(CostStudy.ACCURACY).isMissing(0), "no accuracy for the probe: none was given");
        assertEquals(0.7, t.doubleColumn(CostStudy.ACCURACY).get(1), 1e-12);
    }

    @Test
    void withoutQualityTheTableHasNoAccuracyColumn() {
        Table t = CostStudy.table(List.of(new CostStudy.Cost("lora", 1, 1, 1, MIB, 8, 4)), Map.of());
        assertFalse(t.columnNames().contains(CostStudy.ACCURACY));
        assertTrue(t.doubleColumn(CostStudy.OVER_PROBE_MIB).isMissing(0), "no probe row: nothing to subtract");
    }

    /** Each method really trains in a process of its own on the shipped base model. */
    @Tag("slow")
    @Test
    void eachMethodIsMeasuredInAChildProcess() throws Exception {
        Table t = CostStudy.study(Path.of("data/models/base"), Path.of("data/datasets/sentiment/reviews.jsonl"),
                MethodComparison.methods("bag-of-words,probe,lora"), 2, Map.of(), CostStudy.Progress.NONE);
        assertEquals(List.of("probe", "lora"), t.stringColumn(CostStudy.METHOD).asList(), "the baseline uses no model");
        long probe = t.longColumn(CostStudy.TRAINABLE).get(0);
        long lora = t.longColumn(CostStudy.TRAINABLE).get(1);
        assertTrue(lora > probe, "LoRA trains its matrices and the head");
        assertEquals(8.0 * lora / MIB, t.doubleColumn(CostStudy.OPTIMIZER_MIB).get(1), 1e-9, "AdamW: two floats per weight");
        assertTrue(t.doubleColumn(CostStudy.PEAK_MIB).get(0) > 100, "a JVM with the engine and the model");
        assertTrue(t.doubleColumn(CostStudy.MS_PER_STEP).get(1) > 0);
    }
}
