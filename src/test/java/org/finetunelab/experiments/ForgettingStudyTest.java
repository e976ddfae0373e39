package org.finetunelab.experiments;

import org.finetunelab.experiments.ForgettingStudy.Point;
import org.finetunelab.experiments.ForgettingStudy.Result;
import org.finetunelab.experiments.ForgettingStudy.Run;
import org.finetunelab.text.Tokenizer;
import org.finetunelab.text.corpus.Fact;
import org.finetunelab.text.corpus.KnowledgeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The study's bookkeeping on made-up runs: what the tables say follows from the measurements, and nothing else. */
class ForgettingStudyTest {
    private static final Point BASE = new Point(0, 0.9, 40, 4.0);

    /** A run whose last point has the given probe accuracy, perplexity and domain loss. */
    private static Run run(String setting, long seed, double probe, double ppl, double loss) {
        return new Run(setting, seed, 10, 60, List.of(BASE, new Point(5, 0.8, 45, 3.9), new Point(10, probe, ppl, loss)));
    }

    /** Full forgets a lot (probe 0.6, perplexity 60) and gains 1 nat; LoRA forgets little and gains 0.5. */
    private static Result result(int seeds) {
        List<Run> runs = new ArrayList<>();
        for (int s = 0; s < seeds; s++) {
            runs.add(run("full", s, 0.60 + 0.01 * s, 60 + s, 3.0 - 0.01 * s));
            runs.add(run("LoRA r=8", s, 0.88 + 0.01 * s, 42 + s, 3.5 - 0.01 * s));
            runs.add(run("adapters 16", s, 0.60 + 0.01 * s, 60 + s, 3.0 - 0.01 * s));
        }
        return new Result(BASE, runs, 400);
    }

    @Test
    void theSummaryMeasuresDropRiseAndGainFromTheBaseToTheLastPoint() {
        Table t = ForgettingStudy.summary(result(3));
        assertEquals(List.of("full", "LoRA r=8", "adapters 16"), t.stringColumn("setting").asList());
        assertEquals(0.29, t.doubleColumn(ForgettingStudy.PROBE_DROP).get(0), 1e-9, "0.9 − mean(0.60, 0.61, 0.62)");
        assertEquals(0.01, t.doubleColumn(ForgettingStudy.PROBE_DROP + " std").get(0), 1e-9);
        assertEquals(0.28, t.doubleColumn(ForgettingStudy.PROBE_DROP + " min").get(0), 1e-9);
        assertEquals(21, t.doubleColumn(ForgettingStudy.PERPLEXITY_RISE).get(0), 1e-9, "mean(60, 61, 62) − 40");
        assertEquals(1.01, t.doubleColumn(ForgettingStudy.DOMAIN_GAIN).get(0), 1e-9, "4.0 − mean(3.0, 2.99, 2.98)");
        assertEquals(3, t.intColumn("seeds").get(1));
    }

    @Test
    void aSettingIsRankedAgainstFullOnlyWhenItsSeedsAreClearOfFulls() {
        Table t = ForgettingStudy.againstFull(result(3));
        assertEquals(List.of("LoRA r=8", "adapters 16"), t.stringColumn("setting").asList());
        assertEquals("less", t.stringColumn("probe forgetting").get(0));
        assertEquals("less", t.stringColumn("perplexity rise").get(0));
        assertEquals("less", t.stringColumn("domain gain").get(0));
        assertEquals("indistinguishable", t.stringColumn("probe forgetting").get(1), "the same figures as full");
        Table oneSeed = ForgettingStudy.againstFull(result(1));
        assertEquals("indistinguishable", oneSeed.stringColumn("probe forgetting").get(0), "one seed has no spread to judge by");
    }

    @Test
    void theFindingsNameOnlyWhatTheVerdictsSeparate() {
        List<String> findings = ForgettingStudy.findings(result(3));
        assertEquals("Probe accuracy lost, against full fine-tuning: less — \"LoRA r=8\"; not told apart — \"adapters 16\".",
                findings.get(0));
        assertEquals(3, findings.size());
        assertTrue(ForgettingStudy.findings(result(1)).get(0).contains("single seed"));
    }

    @Test
    void theCurvesTableHasEveryPointOfEveryRun() {
        Table curves = ForgettingStudy.curves(result(2));
        assertEquals(6 * 3, curves.rowCount());
        assertEquals(List.of(0, 5, 10), curves.intColumn("step").asList().subList(0, 3));
    }

    @Test
    void theProbeSubsetIsFixedAndSeeded() throws Exception {
        List<Fact> facts = KnowledgeSet.load(ForgettingStudy.FACTS);
        List<Fact> a = ForgettingStudy.probeSubset(facts, 50);
        assertEquals(50, a.size());
        assertEquals(a, ForgettingStudy.probeSubset(facts, 50));
        assertNotEquals(facts.subList(0, 50), a, "a shuffled sample, not the first facts of one topic");
        assertEquals(facts, ForgettingStudy.probeSubset(facts, 0));
    }

    @Test
    void generalTextIsReadAsWholeDocumentsEachAfterTheEndOfTextToken(@TempDir Path dir) throws Exception {
        Tokenizer tok = Tokenizer.load(Path.of("data/models/base/tokenizer.json"));
        Path file = dir.resolve("valid.txt");
        Files.writeString(file, "The river runs to the sea.\n<|endoftext|>\nA second text.\n<|endoftext|>\n");
        int[] ids = ForgettingStudy.firstTokens(tok, file, 5);
        assertEquals(5, ids.length);
        assertEquals(tok.endOfTextId(), ids[0]);
        var e = assertThrows(IllegalArgumentException.class, () -> ForgettingStudy.firstTokens(tok, file, 10_000));
        assertTrue(e.getMessage().contains("valid.txt"), e.getMessage());
    }

    @Test
    void theSweepNamesEachLambdaAndKeepsTheOtherSettings() {
        List<String> names = ForgettingStudy.settings(List.of(1e3f, 0.5f)).stream().map(ForgettingStudy.Setting::name).toList();
        assertTrue(names.contains("EWC λ=1e3") && names.contains("EWC λ=0.5"), names.toString());
        assertEquals(ForgettingStudy.FULL, names.get(0));
        assertTrue(names.contains("replay 25%") && names.contains("LoRA r=8"), names.toString());
    }
}
