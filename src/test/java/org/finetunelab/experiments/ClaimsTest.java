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
        instructionTuning(dir, 1, 0.6, 0);
        Claims.Claim c = claim(dir, "instruction tuning");
        assertTrue(c.verdict().startsWith(Claims.NOT_SETTLED + " (one seed"), c.verdict());
        assertTrue(c.verdict().contains("60.0 points"), c.verdict());
        // Both at zero: no binomial spread there, so the gap is measured against the error at 50%, never "Infinity".
        instructionTuning(dir, 1, 0, 0);
        String zero = claim(dir, "instruction tuning").verdict();
        assertTrue(zero.contains("0.0 points, 0.0 times"), zero);
    }

    /** The untrained base model answers greedily, so its one run is exact: the tuned model's seeds settle the claim. */
    @Test
    void theBaseModelRunsOnceAndTheTunedSeedsSettleTheClaim(@TempDir Path dir) throws Exception {
        instructionTuning(dir, 3, 0.25, 0.02);
        assertTrue(claim(dir, "instruction tuning").verdict().startsWith(Claims.HOLDS), claim(dir, "instruction tuning").verdict());
        instructionTuning(dir, 3, 0.01, 0.01);
        assertTrue(claim(dir, "instruction tuning").verdict().startsWith(Claims.NOT_SETTLED), claim(dir, "instruction tuning").verdict());
    }

    /**
     * An instruction-tuning summary: the base model once at 0%, full fine-tuning and LoRA at {@code tuned} ± {@code
     * spread} over {@code seeds} seeds (the spread as std and as half the range), prompt tuning at 2% ± half that.
     */
    private static void instructionTuning(Path dir, int seeds, double tuned, double spread) throws Exception {
        double prompt = 0.02;
        Table t = Table.create("i").addColumns(
                StringColumn.create("setting", "base, zero-shot", "full fine-tuning", "LoRA r=8", "prompt tuning (16)"),
                IntColumn.create("seeds", 1, seeds, seeds, seeds),
                DoubleColumn.create("accuracy", 0.0, tuned, tuned, prompt),
                DoubleColumn.create("accuracy std", 0.0, spread, spread, spread / 2),
                DoubleColumn.create("accuracy min", 0.0, tuned - spread, tuned - spread, prompt - spread / 2),
                DoubleColumn.create("accuracy max", 0.0, tuned + spread, tuned + spread, prompt + spread / 2));
        ResultsFile.write(dir.resolve(ReadmeResults.INSTRUCTION_TUNING + ".csv"), provenance(300), t);
    }

    @Test
    void smallDataOverfitsHoldsOnlyWhenTheSmallSetsGapIsClearlyLarger(@TempDir Path dir) throws Exception {
        overfitting(dir, 3.5, 0.03);
        assertTrue(claim(dir, "fine-tuning on a small").verdict().startsWith(Claims.HOLDS), claim(dir, "fine-tuning on a small").verdict());
        overfitting(dir, 0.05, 0.03);
        assertTrue(claim(dir, "fine-tuning on a small").verdict().startsWith(Claims.NOT_SETTLED), claim(dir, "fine-tuning on a small").verdict());
    }

    @Test
    void aOneSeedForgettingFileWithWholeNumbersIsReadBackAndNotSettled(@TempDir Path dir) throws Exception {
        // The committed study's table with one seed and every figure whole (as a tiny quick run writes it): read back
        // from the file, those columns are whole-number columns, which the claim must read as numbers all the same.
        Path committed = Path.of("docs/results").resolve(ReadmeResults.FORGETTING + ".csv");
        Table t = ResultsFile.read(committed);
        for (String name : java.util.List.copyOf(t.columnNames())) {
            if (t.column(name) instanceof DoubleColumn d) {
                t.replaceColumn(name, d.map(Math::rint).setName(name));
            }
        }
        int[] one = new int[t.rowCount()];
        java.util.Arrays.fill(one, 1);
        t.replaceColumn("seeds", IntColumn.create("seeds", one));
        ResultsFile.write(dir.resolve(ReadmeResults.FORGETTING + ".csv"), ResultsFile.provenance(committed), t);
        Claims.Claim c = claim(dir, "parameter-efficient");
        assertTrue(c.verdict().startsWith(Claims.NOT_SETTLED), c.verdict());
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
