package org.finetunelab.experiments;

import org.finetunelab.results.Provenance;
import org.finetunelab.results.ReadmeResults;
import org.finetunelab.results.ResultsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClaimsTest {
    /** A comparison summary with LoRA and full at the given accuracies (3 seeds, each ± 0.01). */
    private static void comparison(Path dir, double lora, double full) throws Exception {
        Table t = Table.create("c").addColumns(
                StringColumn.create(MethodComparison.METHOD, "lora", "full"),
                IntColumn.create(MethodComparison.SEEDS, 3, 3),
                DoubleColumn.create(MethodComparison.PERCENT, 1.06, 100),
                DoubleColumn.create(MethodComparison.ACCURACY, lora, full),
                DoubleColumn.create(MethodComparison.ACCURACY_STD, 0.01, 0.01),
                DoubleColumn.create(MethodComparison.ACCURACY_MIN, lora - 0.01, full - 0.01),
                DoubleColumn.create(MethodComparison.ACCURACY_MAX, lora + 0.01, full + 0.01));
        ResultsFile.write(dir.resolve(ReadmeResults.METHOD_COMPARISON + ".csv"), provenance(144), t);
    }

    private static Provenance provenance(int heldOut) {
        return Provenance.start("test").finish().with(ReadmeResults.HELD_OUT_EXAMPLES, Integer.toString(heldOut));
    }

    private static Claims.Claim claim(Path dir, String startsWith) throws Exception {
        return Claims.all(dir).stream().filter(c -> c.claim().startsWith(startsWith)).findFirst().orElseThrow();
    }

    @Test
    void loraCloseToFullHoldsWithinTheNoiseAndFailsWhenClearlyBelow(@TempDir Path dir) throws Exception {
        comparison(dir, 0.70, 0.71);
        assertTrue(claim(dir, "LoRA").verdict().startsWith(Claims.HOLDS), claim(dir, "LoRA").verdict());
        comparison(dir, 0.55, 0.75);
        assertTrue(claim(dir, "LoRA").verdict().startsWith(Claims.DOES_NOT_HOLD), claim(dir, "LoRA").verdict());
        assertTrue(claim(dir, "LoRA").measured().contains("1.06% of the weights"), claim(dir, "LoRA").measured());
    }

    @Test
    void aStudyThatHasNotRunSaysSoAndNamesItsCommand(@TempDir Path dir) throws Exception {
        Claims.Claim c = claim(dir, "instruction tuning");
        assertEquals(Claims.NOT_MEASURED, c.verdict());
        assertTrue(c.source().contains("./lab finetune study instruct"), c.source());
        assertEquals(Claims.all(dir).size(), Claims.table(dir).rowCount());
    }

    @Test
    void oneSeedNeverSettlesAClaimHoweverLargeTheGap(@TempDir Path dir) throws Exception {
        Table t = Table.create("i").addColumns(
                StringColumn.create("setting", "base, zero-shot", "full fine-tuning", "LoRA r=8", "prompt tuning (16)"),
                IntColumn.create("seeds", 1, 1, 1, 1),
                DoubleColumn.create("accuracy", 0.0, 0.6, 0.6, 0.02),
                DoubleColumn.create("accuracy std", 0.0, 0.0, 0.0, 0.0),
                DoubleColumn.create("accuracy min", 0.0, 0.6, 0.6, 0.02),
                DoubleColumn.create("accuracy max", 0.0, 0.6, 0.6, 0.02));
        ResultsFile.write(dir.resolve(ReadmeResults.INSTRUCTION_TUNING + ".csv"), provenance(300), t);
        Claims.Claim c = claim(dir, "instruction tuning");
        assertTrue(c.verdict().startsWith(Claims.NOT_SETTLED + " (one seed"), c.verdict());
        assertTrue(c.verdict().contains("60.0 points"), c.verdict());
    }

    /** The untrained base model answers greedily, so its one run is exact: the tuned model's seeds settle the claim. */
    @Test
    void theBaseModelRunsOnceAndTheTunedSeedsSettleTheClaim(@TempDir Path dir) throws Exception {
        Table t = Table.create("i").addColumns(
                StringColumn.create("setting", "base, zero-shot", "full fine-tuning", "LoRA r=8", "prompt tuning (16)"),
                IntColumn.create("seeds", 1, 3, 3, 3),
                DoubleColumn.create("accuracy", 0.0, 0.25, 0.25, 0.02),
                DoubleColumn.create("accuracy std", 0.0, 0.02, 0.02, 0.01),
                DoubleColumn.create("accuracy min", 0.0, 0.23, 0.23, 0.01),
                DoubleColumn.create("accuracy max", 0.0, 0.27, 0.27, 0.03));
        ResultsFile.write(dir.resolve(ReadmeResults.INSTRUCTION_TUNING + ".csv"), provenance(300), t);
        assertTrue(claim(dir, "instruction tuning").verdict().startsWith(Claims.HOLDS), claim(dir, "instruction tuning").verdict());
        t.doubleColumn("accuracy").set(1, 0.01);
        t.doubleColumn("accuracy min").set(1, 0.0);
        t.doubleColumn("accuracy max").set(1, 0.02);
        ResultsFile.write(dir.resolve(ReadmeResults.INSTRUCTION_TUNING + ".csv"), provenance(300), t);
        assertTrue(claim(dir, "instruction tuning").verdict().startsWith(Claims.NOT_SETTLED), claim(dir, "instruction tuning").verdict());
    }

    @Test
    void smallDataOverfitsHoldsOnlyWhenTheSmallSetsGapIsClearlyLarger(@TempDir Path dir) throws Exception {
        overfitting(dir, 3.5, 0.03);
        assertTrue(claim(dir, "fine-tuning on a small").verdict().startsWith(Claims.HOLDS), claim(dir, "fine-tuning on a small").verdict());
        overfitting(dir, 0.05, 0.03);
        assertTrue(claim(dir, "fine-tuning on a small").verdict().startsWith(Claims.NOT_SETTLED), claim(dir, "fine-tuning on a small").verdict());
    }

    /** An overfitting summary for LoRA: the gap at 16 and at 576 examples (2 seeds, each ± 0.01). */
    private static void overfitting(Path dir, double small, double all) throws Exception {
        Table t = Table.create("o").addColumns(
                StringColumn.create(OverfittingStudy.METHOD, "lora", "lora"),
                IntColumn.create(OverfittingStudy.EXAMPLES, 16, 576),
                DoubleColumn.create(OverfittingStudy.DROPOUT, 0.0, 0.0),
                IntColumn.create(OverfittingStudy.SEEDS, 2, 2),
                DoubleColumn.create(OverfittingStudy.GAP, small, all),
                DoubleColumn.create(OverfittingStudy.GAP + " std", 0.01, 0.01),
                DoubleColumn.create(OverfittingStudy.GAP + " min", small - 0.01, all - 0.01),
                DoubleColumn.create(OverfittingStudy.GAP + " max", small + 0.01, all + 0.01));
        ResultsFile.write(dir.resolve(ReadmeResults.OVERFITTING + ".csv"), provenance(144), t);
    }
}
