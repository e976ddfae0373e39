package org.finetunelab.experiments;

import org.finetunelab.results.ReadmeResults;
import org.finetunelab.results.ResultsFile;
import org.finetunelab.stats.HeldOut;
import org.finetunelab.stats.Spread;
import org.finetunelab.stats.Verdict;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The claims the course teaches from, each checked against what the lab measured: one row per claim with what
 * was measured and a verdict. Nothing is trained here; every figure is read from the studies' results files in
 * {@code docs/results/}, so the verdicts always describe the figures the README shows, and a study that has not
 * run yet gives "not measured yet" with the command that measures it.
 *
 * <p>A verdict is "holds" or "does not hold at this scale" only when the difference it rests on is beyond the
 * noise ({@link Verdict}: several seeds whose ranges do not overlap, and a gap larger than the held-out set's
 * sampling error). Otherwise it is "not settled": the figures are shown, but they do not decide the claim.
 */
public final class Claims {
    public static final String HOLDS = "holds";
    public static final String DOES_NOT_HOLD = "does not hold at this scale";
    public static final String NOT_SETTLED = "not settled at this scale";
    public static final String NOT_MEASURED = "not measured yet";

    /** Column names. */
    public static final String CLAIM = "claim";
    public static final String MEASURED = "what was measured";
    public static final String VERDICT = "verdict";
    public static final String SOURCE = "source";

    /**
     * @param source the results file the figures come from, or the command that writes it
     */
    public record Claim(String claim, String measured, String verdict, String source) {
    }

    private Claims() {
    }

    /** Every claim, checked against the results files in {@code resultsDir}. */
    public static Table table(Path resultsDir) throws IOException {
        List<Claim> claims = all(resultsDir);
        Table t = Table.create("the claims, measured");
        t.addColumns(StringColumn.create(CLAIM, claims.stream().map(Claim::claim)),
                StringColumn.create(MEASURED, claims.stream().map(Claim::measured)),
                StringColumn.create(VERDICT, claims.stream().map(Claim::verdict)),
                StringColumn.create(SOURCE, claims.stream().map(Claim::source)));
        return t;
    }

    public static List<Claim> all(Path resultsDir) throws IOException {
        List<Claim> out = new ArrayList<>();
        out.add(loraMatchesFull(resultsDir));
        out.add(peftForgetsLess(resultsDir));
        out.add(smallDataOverfits(resultsDir));
        out.add(promptTuningIsWeaker(resultsDir));
        out.add(instructionTuningTeachesToFollow(resultsDir));
        out.add(ewcReducesForgetting(resultsDir));
        return out;
    }

    // ------------------------------------------------------------------ the claims

    static Claim loraMatchesFull(Path dir) throws IOException {
        String claim = "LoRA comes close to full fine-tuning while training about 1% of the weights";
        Path file = dir.resolve(ReadmeResults.METHOD_COMPARISON + ".csv");
        if (!Files.exists(file)) {
            return notMeasured(claim, "./lab finetune compare --csv " + file);
        }
        Table t = ResultsFile.read(file);
        int n = heldOut(file);
        Spread lora = spread(t, MethodComparison.METHOD, "lora", MethodComparison.SEEDS, MethodComparison.ACCURACY,
                MethodComparison.ACCURACY_STD, MethodComparison.ACCURACY_MIN, MethodComparison.ACCURACY_MAX);
        Spread full = spread(t, MethodComparison.METHOD, "full", MethodComparison.SEEDS, MethodComparison.ACCURACY,
                MethodComparison.ACCURACY_STD, MethodComparison.ACCURACY_MIN, MethodComparison.ACCURACY_MAX);
        double share = number(t, MethodComparison.METHOD, "lora", MethodComparison.PERCENT);
        String measured = String.format(Locale.ROOT, "sentiment accuracy: LoRA %s with %.2f%% of the weights trainable,"
                + " full fine-tuning %s", lora.describe("%.3f"), share, full.describe("%.3f"));
        Verdict.Standing s = Verdict.compare(lora, full, n);
        String verdict = tooFewSeeds(lora, full) ? NOT_SETTLED + " (one seed)"
                : s == Verdict.Standing.BELOW ? DOES_NOT_HOLD + ": LoRA is clearly below full fine-tuning"
                : s == Verdict.Standing.ABOVE ? HOLDS + ": LoRA is even clearly above full fine-tuning"
                : HOLDS + ": the two are indistinguishable within the noise";
        return new Claim(claim, measured, verdict, file.getFileName().toString());
    }

    static Claim promptTuningIsWeaker(Path dir) throws IOException {
        String claim = "prompt tuning is weaker than LoRA and full fine-tuning on a small model";
        Path file = dir.resolve(ReadmeResults.INSTRUCTION_TUNING + ".csv");
        if (!Files.exists(file)) {
            return notMeasured(claim, "./lab finetune study instruct --csv " + file);
        }
        Table t = ResultsFile.read(file);
        int n = heldOut(file);
        Spread prompt = setting(t, "prompt tuning");
        Spread lora = setting(t, "LoRA");
        String measured = String.format(Locale.ROOT, "held-out instruction following: prompt tuning %s, LoRA %s",
                prompt.describe("%.3f"), lora.describe("%.3f"));
        return new Claim(claim, measured, verdictBelow(prompt, lora, n, "prompt tuning", "LoRA"),
                file.getFileName().toString());
    }

    static Claim instructionTuningTeachesToFollow(Path dir) throws IOException {
        String claim = "instruction tuning turns a completion model into one that follows instructions";
        Path file = dir.resolve(ReadmeResults.INSTRUCTION_TUNING + ".csv");
        if (!Files.exists(file)) {
            return notMeasured(claim, "./lab finetune study instruct --csv " + file);
        }
        Table t = ResultsFile.read(file);
        int n = heldOut(file);
        Spread tuned = setting(t, "full fine-tuning");
        // The base model's greedy answers involve no training and no sampling: no seed changes them, so the study
        // runs them once, and that one figure stands exactly for every seed of the tuned model.
        Spread once = setting(t, "base, zero-shot");
        Spread base = once.runs() == 1 && once.std() == 0 && tuned.runs() > 1
                ? new Spread(tuned.runs(), once.mean(), 0, once.mean(), once.mean()) : once;
        String measured = String.format(Locale.ROOT, "held-out instructions answered right: base model %s%s,"
                + " after full instruction tuning %s", once.describe("%.3f"),
                base == once ? "" : ", the same for every seed", tuned.describe("%.3f"));
        return new Claim(claim, measured, verdictBelow(base, tuned, n, "the base model", "the tuned model"),
                file.getFileName().toString());
    }

    static Claim peftForgetsLess(Path dir) throws IOException {
        String claim = "parameter-efficient methods forget less than full fine-tuning";
        Path file = dir.resolve(ReadmeResults.FORGETTING + ".csv");
        if (!Files.exists(file)) {
            return notMeasured(claim, "./lab finetune study forgetting --csv " + file);
        }
        Table summary = ResultsFile.read(file);
        Table verdicts = forgettingVerdicts(file, summary);
        List<String> peft = List.of("LoRA", "adapters", "prompt tuning");
        List<String> measured = new ArrayList<>();
        List<String> less = new ArrayList<>();
        List<String> notLess = new ArrayList<>();
        for (int r = 0; r < verdicts.rowCount(); r++) {
            String setting = verdicts.stringColumn("setting").get(r);
            if (peft.stream().noneMatch(setting::startsWith)) {
                continue;
            }
            measured.add(forgettingFigures(summary, setting));
            boolean both = verdicts.stringColumn("probe forgetting").get(r).equals("less")
                    && verdicts.stringColumn("perplexity rise").get(r).equals("less");
            (both ? less : notLess).add(setting);
        }
        measured.add(0, forgettingFigures(summary, ForgettingStudy.FULL));
        String verdict = tooFewSeeds(summary) ? NOT_SETTLED + " (one seed)"
                : notLess.isEmpty() ? HOLDS + ": " + String.join(", ", less) + " lose less on the probe and on general text"
                + " (they also gain less on the domain)"
                : less.isEmpty() ? DOES_NOT_HOLD + ": none of them forgets clearly less on both measures"
                : NOT_SETTLED + ": " + String.join(", ", less) + " forget clearly less on both measures, "
                + String.join(", ", notLess) + " not";
        return new Claim(claim, "knowledge-probe points lost, general perplexity rise: " + String.join("; ", measured),
                verdict, file.getFileName().toString());
    }

    static Claim smallDataOverfits(Path dir) throws IOException {
        String claim = "fine-tuning on a small dataset overfits";
        Path file = dir.resolve(ReadmeResults.OVERFITTING + ".csv");
        if (!Files.exists(file)) {
            return notMeasured(claim, "./lab finetune study overfitting --csv " + file);
        }
        Table t = ResultsFile.read(file);
        List<String> measured = new ArrayList<>();
        List<String> larger = new ArrayList<>();
        List<String> notLarger = new ArrayList<>();
        for (String method : t.stringColumn(OverfittingStudy.METHOD).asList().stream().distinct().toList()) {
            int smallest = -1;
            int largest = -1;
            for (int r = 0; r < t.rowCount(); r++) {
                if (t.stringColumn(OverfittingStudy.METHOD).get(r).equals(method)
                        && ResultsFile.number(t, OverfittingStudy.DROPOUT, r) == 0) {
                    double n = ResultsFile.number(t, OverfittingStudy.EXAMPLES, r);
                    smallest = smallest < 0 || n < ResultsFile.number(t, OverfittingStudy.EXAMPLES, smallest) ? r : smallest;
                    largest = largest < 0 || n > ResultsFile.number(t, OverfittingStudy.EXAMPLES, largest) ? r : largest;
                }
            }
            if (smallest < 0 || smallest == largest) {
                continue;
            }
            Spread small = ResultsFile.spread(t, OverfittingStudy.GAP, smallest);
            Spread all = ResultsFile.spread(t, OverfittingStudy.GAP, largest);
            measured.add(String.format(Locale.ROOT, "%s: %d examples %s, %d examples %s", method,
                    (long) ResultsFile.number(t, OverfittingStudy.EXAMPLES, smallest), small.describe("%.3f"),
                    (long) ResultsFile.number(t, OverfittingStudy.EXAMPLES, largest), all.describe("%.3f")));
            (Verdict.compare(small, all) == Verdict.Standing.ABOVE ? larger : notLarger).add(method);
        }
        String verdict = measured.isEmpty() ? NOT_MEASURED
                : notLarger.isEmpty() ? HOLDS + ": the gap is clearly larger on the smallest set for " + String.join(", ", larger)
                : larger.isEmpty() ? NOT_SETTLED + ": no method's gap is told apart between the sizes"
                : NOT_SETTLED + ": clearly larger for " + String.join(", ", larger) + ", not told apart for "
                + String.join(", ", notLarger);
        return new Claim(claim, "generalisation gap (validation minus train-set loss, nats) at the end: "
                + String.join("; ", measured), verdict, file.getFileName().toString());
    }

    static Claim ewcReducesForgetting(Path dir) throws IOException {
        String claim = "EWC reduces forgetting";
        Path file = dir.resolve(ReadmeResults.FORGETTING + ".csv");
        if (!Files.exists(file)) {
            return notMeasured(claim, "./lab finetune study forgetting --csv " + file);
        }
        Table summary = ResultsFile.read(file);
        Table verdicts = forgettingVerdicts(file, summary);
        List<String> measured = new ArrayList<>(List.of(forgettingFigures(summary, ForgettingStudy.FULL)));
        List<String> less = new ArrayList<>();
        for (int r = 0; r < verdicts.rowCount(); r++) {
            String setting = verdicts.stringColumn("setting").get(r);
            if (setting.startsWith("EWC")) {
                measured.add(forgettingFigures(summary, setting));
                if (verdicts.stringColumn("probe forgetting").get(r).equals("less")) {
                    less.add(setting);
                }
            }
        }
        String verdict = tooFewSeeds(summary) ? NOT_SETTLED + " (one seed)"
                : less.isEmpty() ? DOES_NOT_HOLD + ": no λ keeps clearly more of the probe than full fine-tuning"
                : HOLDS + " for " + String.join(", ", less) + ": clearly fewer probe points lost than full fine-tuning";
        return new Claim(claim, "knowledge-probe points lost, general perplexity rise: " + String.join("; ", measured),
                verdict, file.getFileName().toString());
    }

    /** Each setting of the forgetting study against full fine-tuning ("less", "more", "indistinguishable"). */
    private static Table forgettingVerdicts(Path file, Table summary) throws IOException {
        String base = ResultsFile.provenance(file).get(ReadmeResults.BASE_PROBE_ACCURACY);
        if (base == null) {
            throw new IOException(file + " does not give the base model's probe accuracy (no '"
                    + ReadmeResults.BASE_PROBE_ACCURACY + "' line in its header)");
        }
        return ForgettingStudy.againstFull(summary, Double.parseDouble(base.strip()), heldOut(file));
    }

    /** {@code LoRA r=8 21.9 ± 3.1 points, +33.9 ± 1.6} from a forgetting summary's row. */
    private static String forgettingFigures(Table summary, String setting) {
        return String.format(Locale.ROOT, "%s %.1f ± %.1f points, %+.1f ± %.1f", setting,
                100 * number(summary, "setting", setting, ForgettingStudy.PROBE_DROP),
                100 * number(summary, "setting", setting, ForgettingStudy.PROBE_DROP + " std"),
                number(summary, "setting", setting, ForgettingStudy.PERPLEXITY_RISE),
                number(summary, "setting", setting, ForgettingStudy.PERPLEXITY_RISE + " std"));
    }

    private static boolean tooFewSeeds(Table summary) {
        for (int r = 0; r < summary.rowCount(); r++) {
            if (ResultsFile.number(summary, "seeds", r) < 2) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ reading results files

    /** "Holds" when {@code low} is clearly below {@code high}, "does not hold" when clearly above, else "not settled". */
    static String verdictBelow(Spread low, Spread high, int heldOut, String lowName, String highName) {
        if (tooFewSeeds(low, high)) {
            double gap = high.mean() - low.mean();
            double error = HeldOut.standardError(Math.min(1, Math.max(0, (low.mean() + high.mean()) / 2)), heldOut);
            if (error == 0) {
                // Both at 0 (or 1) have no binomial spread: measure the gap against the largest error instead, at 50%.
                error = HeldOut.standardError(0.5, heldOut);
            }
            return String.format(Locale.ROOT, "%s (one seed: no spread to judge by; the gap is %.1f points, %.1f times"
                    + " the held-out sampling error)", NOT_SETTLED, 100 * gap, Math.abs(gap) / error);
        }
        return switch (Verdict.compare(low, high, heldOut)) {
            case BELOW -> HOLDS + ": " + lowName + " is clearly below " + highName;
            case ABOVE -> DOES_NOT_HOLD + ": " + lowName + " is clearly above " + highName;
            case INDISTINGUISHABLE -> NOT_SETTLED + ": " + lowName + " and " + highName + " are indistinguishable";
        };
    }

    private static boolean tooFewSeeds(Spread a, Spread b) {
        return a.runs() < 2 || b.runs() < 2;
    }

    private static Claim notMeasured(String claim, String command) {
        return new Claim(claim, "–", NOT_MEASURED, "`" + command + "`");
    }

    /** The held-out set size a results file records, for the sampling error. */
    static int heldOut(Path file) throws IOException {
        String n = ResultsFile.provenance(file).get(ReadmeResults.HELD_OUT_EXAMPLES);
        if (n == null) {
            throw new IOException(file + " does not say how many held-out examples it measured on (no '"
                    + ReadmeResults.HELD_OUT_EXAMPLES + "' line in its header)");
        }
        return Integer.parseInt(n.strip());
    }

    /** The row of a study's summary whose "setting" starts with {@code prefix}, as a spread of its accuracy. */
    private static Spread setting(Table t, String prefix) {
        for (int r = 0; r < t.rowCount(); r++) {
            if (t.stringColumn("setting").get(r).startsWith(prefix)) {
                return new Spread((int) ResultsFile.number(t, "seeds", r), ResultsFile.number(t, "accuracy", r), ResultsFile.number(t, "accuracy std", r),
                        ResultsFile.number(t, "accuracy min", r), ResultsFile.number(t, "accuracy max", r));
            }
        }
        throw new IllegalArgumentException("results: no setting starting with '" + prefix + "' in " + t.name());
    }

    static Spread spread(Table t, String keyColumn, String key, String runs, String mean, String std, String min,
                         String max) {
        int r = row(t, keyColumn, key);
        return new Spread((int) ResultsFile.number(t, runs, r), ResultsFile.number(t, mean, r), ResultsFile.number(t, std, r), ResultsFile.number(t, min, r), ResultsFile.number(t, max, r));
    }

    static double number(Table t, String keyColumn, String key, String column) {
        return ResultsFile.number(t, column, row(t, keyColumn, key));
    }

    private static int row(Table t, String keyColumn, String key) {
        int r = t.stringColumn(keyColumn).indexOf(key);
        if (r < 0) {
            throw new IllegalArgumentException("results: no row '" + key + "' in column '" + keyColumn + "' of " + t.name());
        }
        return r;
    }

}
