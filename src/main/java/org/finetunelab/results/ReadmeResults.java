package org.finetunelab.results;

import static org.finetunelab.results.ResultsFile.number;

import org.finetunelab.experiments.Claims;
import org.finetunelab.experiments.CostStudy;
import org.finetunelab.experiments.ForgettingStudy;
import org.finetunelab.experiments.DataStudy;
import org.finetunelab.experiments.MethodComparison;
import org.finetunelab.experiments.PersonaStudy;
import org.finetunelab.experiments.OverfittingStudy;
import org.finetunelab.experiments.bench.BenchFigures;
import org.finetunelab.stats.HeldOut;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The README's figures, written from the results files: each generated block ({@link ReadmeBlocks}) is rendered
 * from {@code docs/results/NAME.csv}. {@code ./lab reproduce} updates the README this way, and a unit test fails
 * when a README figure differs from its results file.
 */
public final class ReadmeResults {
    public static final String METHOD_COMPARISON = "method-comparison";
    public static final String METHOD_COMPARISON_RUNS = "method-comparison-runs";
    public static final String BASE_MODEL = "base-model";
    public static final String BENCH = "bench";
    public static final String INSTRUCTION_TUNING = "instruction-tuning";
    public static final String PREFERENCES = "preferences";
    public static final String COST = "cost";
    public static final String OVERFITTING = "overfitting";
    public static final String DATA = "data";
    public static final String FORGETTING = "forgetting";
    public static final String CLAIMS = "claims";
    public static final String LESSON_TIMES = "lesson-times";
    public static final String PERSONAS = "personas";
    /** The results files that have a block in the README, in the README's order. */
    public static final List<String> BLOCKS = List.of(LESSON_TIMES, METHOD_COMPARISON, COST, INSTRUCTION_TUNING, PREFERENCES, OVERFITTING,
            DATA, FORGETTING, CLAIMS, PERSONAS, BASE_MODEL, BENCH);

    /** base-model.csv: one row per measure. */
    public static final String MEASURE = "measure";
    public static final String VALUE = "value";
    public static final String PERPLEXITY = "held-out perplexity";
    public static final String HELD_OUT_LOSS = "held-out loss";
    public static final String HELD_OUT_TOKENS = "held-out tokens";
    public static final String PROBE_ACCURACY = "knowledge probe accuracy";
    public static final String PROBE_FACTS = "knowledge probe facts";
    /** method-comparison.csv's extra provenance line. */
    public static final String HELD_OUT_EXAMPLES = "held-out examples";
    /** forgetting.csv's extra provenance line: the base model's accuracy on the probed facts. */
    public static final String BASE_PROBE_ACCURACY = "base probe accuracy";

    private static final Map<String, String> METHOD_LABELS = Map.of(
            MethodComparison.BAG_OF_WORDS, "bag-of-words logistic regression (no network)",
            MethodComparison.PROBE, "probe (head only)", "prompt", "prompt tuning (8)", "ia3", "IA3",
            "prefix", "prefix tuning (8)", "bitfit", "BitFit", "lora", "LoRA r=8 (`c_attn`)",
            "adapters", "adapters (16)", "freeze", "freeze (bottom half)", "full", "full fine-tuning");

    private ReadmeResults() {
    }

    /**
     * The content of block {@code name}, from its results file in {@code resultsDir}; a results file that does not
     * exist yet gives a sentence that says so, never an old figure.
     */
    public static String render(String name, Path resultsDir) throws IOException {
        Path file = resultsDir.resolve(name + ".csv");
        if (BLOCKS.contains(name) && !java.nio.file.Files.exists(file)) {
            return "(no results file yet: `./lab reproduce` writes `docs/results/" + name + ".csv`)";
        }
        return switch (name) {
            case METHOD_COMPARISON -> methodComparison(ResultsFile.read(file), ResultsFile.provenance(file));
            case BASE_MODEL -> baseModel(ResultsFile.read(file), ResultsFile.provenance(file));
            case BENCH -> bench(ResultsFile.read(file), ResultsFile.provenance(file));
            case INSTRUCTION_TUNING -> instructionTuning(ResultsFile.read(file), ResultsFile.provenance(file));
            case PREFERENCES -> preferences(ResultsFile.read(file),
                    ResultsFile.read(resultsDir.resolve(PREFERENCES + "-measures.csv")), ResultsFile.provenance(file));
            case COST -> cost(ResultsFile.read(file), ResultsFile.provenance(file));
            case CLAIMS -> claims(ResultsFile.read(file), ResultsFile.provenance(file));
            case FORGETTING -> forgetting(ResultsFile.read(file), ResultsFile.provenance(file));
            case OVERFITTING -> overfitting(ResultsFile.read(file), ResultsFile.provenance(file));
            case DATA -> data(ResultsFile.read(file), ResultsFile.provenance(file));
            case LESSON_TIMES -> lessonTimes(ResultsFile.read(file), ResultsFile.provenance(file));
            case PERSONAS -> personas(ResultsFile.read(file), ResultsFile.provenance(file));
            default -> throw new IllegalArgumentException("no README block is made from results/" + name
                    + ".csv; the blocks are " + BLOCKS);
        };
    }

    /** The text with every generated block rendered afresh from {@code resultsDir}. */
    public static String update(String text, Path resultsDir) throws IOException {
        for (String name : ReadmeBlocks.names(text)) {
            text = ReadmeBlocks.replace(text, name, render(name, resultsDir));
        }
        return text;
    }

    /** The blocks whose content differs from what their results files give (empty when all agree). */
    public static List<String> outdated(String text, Path resultsDir) throws IOException {
        List<String> out = new ArrayList<>();
        for (String name : ReadmeBlocks.names(text)) {
            if (!ReadmeBlocks.content(text, name).equals(render(name, resultsDir))) {
                out.add(name);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ method comparison

    static String methodComparison(Table t, Provenance p) {
        int heldOut = Integer.parseInt(p.get(HELD_OUT_EXAMPLES));
        int seeds = (int) number(t, MethodComparison.SEEDS, 0);
        StringBuilder md = new StringBuilder("\n");
        md.append("| method | trainable | % of model | ms per step | optimizer state | saved | best val loss"
                + " | held-out accuracy | min–max |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (int r = 0; r < t.rowCount(); r++) {
            String method = t.stringColumn(MethodComparison.METHOD).get(r);
            boolean baseline = method.equals(MethodComparison.BAG_OF_WORDS);
            md.append("| ").append(METHOD_LABELS.getOrDefault(method, method))
                    .append(" | ").append(fmt("%,d", (long) number(t, MethodComparison.TRAINABLE, r)))
                    .append(" | ").append(baseline ? "–" : percent(number(t, MethodComparison.PERCENT, r)))
                    .append(" | ").append(baseline ? "–" : fmt("%.0f", number(t, MethodComparison.MS_PER_STEP, r)))
                    .append(" | ").append(baseline ? "–" : bytes(number(t, MethodComparison.OPTIMIZER_BYTES, r)))
                    .append(" | ").append(bytes(number(t, MethodComparison.SAVED_BYTES, r)))
                    .append(" | ").append(meanStd(t, MethodComparison.BEST_VAL_LOSS, MethodComparison.BEST_VAL_LOSS_STD, r))
                    .append(" | ").append(meanStd(t, MethodComparison.ACCURACY, MethodComparison.ACCURACY_STD, r))
                    .append(" | ").append(fmt("%.3f", number(t, MethodComparison.ACCURACY_MIN, r))).append("–")
                    .append(fmt("%.3f", number(t, MethodComparison.ACCURACY_MAX, r))).append(" |\n");
        }
        md.append('\n');
        md.append("Mean ± standard deviation over ").append(seeds).append(seeds == 1 ? " seed" : " seeds")
                .append(" (the seed sets the initial values, the batch order and dropout); ms per step is the median"
                        + " over the runs. Written by `").append(p.get(Provenance.COMMAND)).append("` on ")
                .append(p.get(Provenance.DATE)).append(", code ").append(p.get(Provenance.CODE_VERSION)).append(", ")
                .append(p.get(Provenance.MACHINE)).append(", ").append(p.get(Provenance.LOAD))
                .append(" (`docs/results/method-comparison.csv`; every run in `method-comparison-runs.csv`).\n\n");
        md.append("How sure these are: ").append(HeldOut.describe(heldOut)).append(". **")
                .append(MethodComparison.verdict(t, heldOut)).append("**\n");
        return md.toString();
    }

    /** "Written by `COMMAND` on DATE, code VERSION, MACHINE, LOAD": where a block's figures come from. */
    private static String writtenBy(Provenance p) {
        return "Written by `" + p.get(Provenance.COMMAND) + "` on " + p.get(Provenance.DATE) + ", code "
                + p.get(Provenance.CODE_VERSION) + ", " + p.get(Provenance.MACHINE) + ", " + p.get(Provenance.LOAD);
    }

    private static String meanStd(Table t, String mean, String std, int r) {
        return fmt("%.3f", number(t, mean, r)) + " ± " + fmt("%.3f", number(t, std, r));
    }

    private static String percent(double p) {
        if (p >= 99.95) {
            return "100";
        }
        return p < 0.1 ? fmt("%.3f", p) : p < 10 ? fmt("%.2f", p) : fmt("%.1f", p);
    }

    private static String bytes(double b) {
        return b < 1e6 ? fmt("%.0f KB", b / 1e3) : fmt("%.1f MB", b / 1e6);
    }

    // ------------------------------------------------------------------ instruction tuning

    /** The table of {@code finetune study instruct}: accuracy on the held-out instructions per setting. */
    static String instructionTuning(Table t, Provenance p) {
        int heldOut = Integer.parseInt(p.get(HELD_OUT_EXAMPLES));
        StringBuilder md = new StringBuilder("\n");
        md.append("| setting | trainable weights | seeds | held-out accuracy | min–max | minutes per run |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (int r = 0; r < t.rowCount(); r++) {
            long trainable = (long) number(t, "trainable", r);
            md.append("| ").append(t.stringColumn("setting").get(r))
                    .append(" | ").append(trainable == 0 ? "–" : fmt("%,d", trainable))
                    .append(" | ").append(fmt("%d", (long) number(t, "seeds", r)))
                    .append(" | ").append(fmt("%.1f%%", 100 * number(t, "accuracy", r)))
                    .append(number(t, "seeds", r) > 1 ? fmt(" ± %.1f", 100 * number(t, "accuracy std", r)) : "")
                    .append(" | ").append(fmt("%.1f–%.1f%%", 100 * number(t, "accuracy min", r), 100 * number(t, "accuracy max", r)))
                    .append(" | ").append(fmt("%.1f", number(t, "minutes per run", r))).append(" |\n");
        }
        md.append("\n").append(writtenBy(p)).append(" (`docs/results/instruction-tuning.csv`; accuracy per"
                        + " task type in `instruction-tuning-tasks.csv`). How sure these are: ")
                .append(HeldOut.describe(heldOut)).append(".\n");
        return md.toString();
    }

    // ------------------------------------------------------------------ personas

    /** The table of {@code finetune study personas}: each check's rate, base and tuned over the seeds, and the aim. */
    static String personas(Table t, Provenance p) {
        StringBuilder md = new StringBuilder("\n");
        md.append("| persona | steps | check | base | tuned | min–max | the course's aim | minutes per run |\n");
        md.append("| --- | ---: | --- | ---: | ---: | ---: | --- | ---: |\n");
        String previous = "";
        for (int r = 0; r < t.rowCount(); r++) {
            String persona = t.stringColumn(PersonaStudy.PERSONA).get(r);
            boolean first = !persona.equals(previous);
            previous = persona;
            String aim = t.stringColumn(PersonaStudy.AIM).get(r);
            String verdict = t.column(PersonaStudy.VERDICT).getString(r);
            // A verdict short of "met in every seed" is set in bold, like the other blocks' findings.
            String judged = verdict.isEmpty() ? aim : aim + ": " + (verdict.equals("met") || verdict.equals("met in every seed")
                    ? verdict : "**" + verdict + "**");
            md.append("| ").append(first ? persona : "")
                    .append(" | ").append(first ? fmt("%,d", (long) number(t, PersonaStudy.STEPS, r)) : "")
                    .append(" | ").append(t.stringColumn(PersonaStudy.CHECK).get(r))
                    .append(" | ").append(fmt("%.1f%%", 100 * number(t, PersonaStudy.BASE, r)))
                    .append(" | ").append(fmt("%.1f%%", 100 * number(t, PersonaStudy.TUNED, r)))
                    .append(number(t, PersonaStudy.SEEDS, r) > 1 ? fmt(" ± %.1f", 100 * number(t, PersonaStudy.TUNED_STD, r)) : "")
                    .append(" | ").append(fmt("%.1f–%.1f%%", 100 * number(t, PersonaStudy.TUNED_MIN, r),
                            100 * number(t, PersonaStudy.TUNED_MAX, r)))
                    .append(" | ").append(judged)
                    .append(" | ").append(first ? fmt("%.1f", number(t, PersonaStudy.MINUTES, r)) : "").append(" |\n");
        }
        int seeds = (int) number(t, PersonaStudy.SEEDS, 0);
        int questions = (int) t.intColumn(PersonaStudy.QUESTIONS).min();
        md.append("\nTuned: mean ± standard deviation over ").append(seeds).append(seeds == 1 ? " seed" : " seeds")
                .append(" (the seed sets LoRA's initial values and the order of the examples); the base answers"
                        + " greedily and is scored once. Minutes per run: training and answering every held-out question,"
                        + " wall time. ").append(writtenBy(p)).append(" (`docs/results/personas.csv`). How sure these are: ")
                .append(HeldOut.describe(questions)).append(".\n");
        return md.toString();
    }

    // ------------------------------------------------------------------ claims

    /** The table of {@code finetune study claims}: each claim, what was measured, the verdict. */
    static String claims(Table t, Provenance p) {
        StringBuilder md = new StringBuilder("\n| claim | what the lab measured | verdict |\n| --- | --- | --- |\n");
        for (int r = 0; r < t.rowCount(); r++) {
            String source = t.stringColumn(Claims.SOURCE).get(r);
            md.append("| ").append(t.stringColumn(Claims.CLAIM).get(r))
                    .append(" | ").append(t.stringColumn(Claims.MEASURED).get(r).replace("|", "/"))
                    .append(source.startsWith("`") ? " (run " + source + ")" : " (`" + source + "`)")
                    .append(" | **").append(t.stringColumn(Claims.VERDICT).get(r)).append("** |\n");
        }
        md.append("\n").append(writtenBy(p)).append(" (`docs/results/claims.csv`), from the results files named in each row.\n");
        return md.toString();
    }

    // ------------------------------------------------------------------ cost

    /** The table of {@code finetune study cost}: what each method costs, beside the accuracy it reaches. */
    static String cost(Table t, Provenance p) {
        boolean quality = t.columnNames().contains(CostStudy.ACCURACY);
        StringBuilder md = new StringBuilder("\n");
        md.append("| method | trainable | % of model | ms per step | peak memory | over the probe | optimizer state | saved |")
                .append(quality ? " held-out accuracy |" : "").append("\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |").append(quality ? " ---: |" : "").append("\n");
        for (int r = 0; r < t.rowCount(); r++) {
            String method = t.stringColumn(CostStudy.METHOD).get(r);
            md.append("| ").append(METHOD_LABELS.getOrDefault(method, method))
                    .append(" | ").append(fmt("%,d", (long) number(t, CostStudy.TRAINABLE, r)))
                    .append(" | ").append(percent(number(t, CostStudy.PERCENT, r)))
                    .append(" | ").append(fmt("%.0f", number(t, CostStudy.MS_PER_STEP, r)))
                    .append(" | ").append(fmt("%.0f MiB", number(t, CostStudy.PEAK_MIB, r)))
                    .append(" | ").append(fmt("%+.0f MiB", number(t, CostStudy.OVER_PROBE_MIB, r)))
                    .append(" | ").append(fmt("%.2f MiB", number(t, CostStudy.OPTIMIZER_MIB, r)))
                    .append(" | ").append(fmt("%.2f MiB", number(t, CostStudy.SAVED_MIB, r)));
            if (quality) {
                double accuracy = number(t, CostStudy.ACCURACY, r);
                md.append(" | ").append(Double.isNaN(accuracy) ? "–"
                        : fmt("%.3f ± %.3f", accuracy, number(t, CostStudy.ACCURACY_STD, r)));
            }
            md.append(" |\n");
        }
        md.append("\nOne run of each method, each in a Java process of its own (peak resident memory of the whole"
                + " process: JVM, engine, model and training; \"over the probe\" subtracts the run that trains the"
                + " classification head alone).").append(quality ? " Accuracy: mean ± standard deviation over the"
                + " seeds of the method comparison above." : "").append(" ").append(writtenBy(p))
                .append(" (`docs/results/cost.csv`).\n");
        return md.toString();
    }

    // ------------------------------------------------------------------ forgetting

    /** The table of {@code finetune study forgetting}: forgetting and in-domain gain per setting, then the verdicts. */
    static String forgetting(Table t, Provenance p) {
        int facts = Integer.parseInt(p.get(HELD_OUT_EXAMPLES));
        double baseProbe = Double.parseDouble(p.get(BASE_PROBE_ACCURACY));
        StringBuilder md = new StringBuilder("\n");
        md.append("| setting | trainable weights | seeds | probe accuracy lost (points) | general perplexity rise | in-domain gain (nats/token) | minutes per run |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (int r = 0; r < t.rowCount(); r++) {
            boolean spread = number(t, "seeds", r) > 1;
            md.append("| ").append(t.stringColumn("setting").get(r))
                    .append(" | ").append(fmt("%,d", (long) number(t, "trainable", r)))
                    .append(" | ").append(fmt("%d", (long) number(t, "seeds", r)))
                    .append(" | ").append(fmt("%.1f", 100 * number(t, ForgettingStudy.PROBE_DROP, r)))
                    .append(spread ? fmt(" ± %.1f", 100 * number(t, ForgettingStudy.PROBE_DROP + " std", r)) : "")
                    .append(" | ").append(fmt("%.1f", number(t, ForgettingStudy.PERPLEXITY_RISE, r)))
                    .append(spread ? fmt(" ± %.1f", number(t, ForgettingStudy.PERPLEXITY_RISE + " std", r)) : "")
                    .append(" | ").append(fmt("%.3f", number(t, ForgettingStudy.DOMAIN_GAIN, r)))
                    .append(spread ? fmt(" ± %.3f", number(t, ForgettingStudy.DOMAIN_GAIN + " std", r)) : "")
                    .append(" | ").append(fmt("%.1f", number(t, "minutes per run", r))).append(" |\n");
        }
        md.append('\n');
        ForgettingStudy.findings(t, baseProbe, facts).forEach(f -> md.append("- ").append(f).append('\n'));
        md.append("\nWritten by `").append(p.get(Provenance.COMMAND)).append("` on ").append(p.get(Provenance.DATE))
                .append(", code ").append(p.get(Provenance.CODE_VERSION)).append(", ").append(p.get(Provenance.MACHINE))
                .append(", ").append(p.get(Provenance.LOAD)).append(" (`docs/results/forgetting.csv`; every measurement of"
                        + " every run in `forgetting-curves.csv`). The base model knew ").append(fmt("%.1f%%", 100 * baseProbe))
                .append(" of the probed facts. How sure the probe is: ").append(HeldOut.describe(facts)).append(".\n");
        return md.toString();
    }

    // ------------------------------------------------------------------ preferences

    /** The tables of {@code finetune study preferences}: behaviour per setting, then the reward model and DPO's cost. */
    static String preferences(Table behaviour, Table measures, Provenance p) {
        int heldOut = Integer.parseInt(p.get(HELD_OUT_EXAMPLES));
        StringBuilder md = new StringBuilder("\n");
        md.append("| setting | seeds | preferred behaviour | min–max | wrong | rambling | rude | repeats itself |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (int r = 0; r < behaviour.rowCount(); r++) {
            md.append("| ").append(behaviour.stringColumn("setting").get(r))
                    .append(" | ").append(fmt("%d", (long) number(behaviour, "seeds", r)))
                    .append(" | ").append(fmt("%.1f%%", 100 * number(behaviour, "preferred behaviour", r)))
                    .append(number(behaviour, "seeds", r) > 1 ? fmt(" ± %.1f", 100 * number(behaviour, "std", r)) : "")
                    .append(" | ").append(fmt("%.1f–%.1f%%", 100 * number(behaviour, "min", r), 100 * number(behaviour, "max", r)));
            for (String problem : List.of("wrong", "rambling", "rude", "repeats itself")) {
                md.append(" | ").append(fmt("%.1f%%", 100 * number(behaviour, problem, r)));
            }
            md.append(" |\n");
        }
        md.append("\n| measure | seeds | mean | min–max |\n| --- | ---: | ---: | ---: |\n");
        for (int r = 0; r < measures.rowCount(); r++) {
            md.append("| ").append(measures.stringColumn("measure").get(r))
                    .append(" | ").append(fmt("%d", (long) number(measures, "seeds", r)))
                    .append(" | ").append(fmt("%.1f%%", 100 * number(measures, "mean", r)))
                    .append(" | ").append(fmt("%.1f–%.1f%%", 100 * number(measures, "min", r), 100 * number(measures, "max", r)))
                    .append(" |\n");
        }
        md.append("\n").append(writtenBy(p)).append(" (`docs/results/preferences.csv` and"
                        + " `preferences-measures.csv`). How sure these are: ").append(HeldOut.describe(heldOut)).append(".\n");
        return md.toString();
    }

    // ------------------------------------------------------------------ overfitting

    /** The table of {@code finetune study overfitting}: losses, gap, early stopping and accuracy per setting. */
    static String overfitting(Table t, Provenance p) {
        StringBuilder md = new StringBuilder("\n");
        md.append("| setting | seeds | final train loss | final val loss | gap | early stop step | early-stopped val loss"
                + " | held-out accuracy |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (int r = 0; r < t.rowCount(); r++) {
            md.append("| ").append(t.stringColumn(OverfittingStudy.SETTING).get(r))
                    .append(" | ").append(fmt("%d", (long) number(t, OverfittingStudy.SEEDS, r)));
            for (String figure : List.of(OverfittingStudy.TRAIN_LOSS, OverfittingStudy.VAL_LOSS, OverfittingStudy.GAP)) {
                md.append(" | ").append(meanStd(t, figure, figure + " std", r));
            }
            md.append(" | ").append(fmt("%.0f ± %.0f", number(t, OverfittingStudy.STOP_STEP, r),
                            number(t, OverfittingStudy.STOP_STEP + " std", r)))
                    .append(" | ").append(meanStd(t, OverfittingStudy.STOPPED_VAL, OverfittingStudy.STOPPED_VAL + " std", r))
                    .append(" | ").append(fmt("%.1f%% ± %.1f", 100 * number(t, OverfittingStudy.ACCURACY, r),
                            100 * number(t, OverfittingStudy.ACCURACY + " std", r))).append(" |\n");
        }
        md.append("\nMean ± standard deviation over the seeds; losses in nats per review, the gap is the final validation"
                        + " loss minus the final train-set loss. Written by `").append(p.get(Provenance.COMMAND))
                .append("` on ").append(p.get(Provenance.DATE)).append(", code ").append(p.get(Provenance.CODE_VERSION))
                .append(", ").append(p.get(Provenance.MACHINE)).append(", ").append(p.get(Provenance.LOAD))
                .append(" (`docs/results/overfitting.csv`; curves in `overfitting.png` and `overfitting-lora.png`). **")
                .append(OverfittingStudy.verdict(t)).append("**\n");
        return md.toString();
    }

    // ------------------------------------------------------------------ data

    /** The table of {@code finetune study data}: held-out accuracy per method, training-set size and label noise. */
    static String data(Table t, Provenance p) {
        int heldOut = Integer.parseInt(p.get(HELD_OUT_EXAMPLES));
        StringBuilder md = new StringBuilder("\n");
        md.append("| setting | trainable weights | seeds | held-out accuracy | min–max |\n");
        md.append("| --- | ---: | ---: | ---: | ---: |\n");
        for (int r = 0; r < t.rowCount(); r++) {
            md.append("| ").append(t.stringColumn(DataStudy.SETTING).get(r))
                    .append(" | ").append(fmt("%,d", (long) number(t, DataStudy.TRAINABLE, r)))
                    .append(" | ").append(fmt("%d", (long) number(t, DataStudy.SEEDS, r)))
                    .append(" | ").append(fmt("%.1f%% ± %.1f", 100 * number(t, DataStudy.ACCURACY, r),
                            100 * number(t, DataStudy.ACCURACY_STD, r)))
                    .append(" | ").append(fmt("%.1f–%.1f%%", 100 * number(t, DataStudy.ACCURACY_MIN, r),
                            100 * number(t, DataStudy.ACCURACY_MAX, r))).append(" |\n");
        }
        md.append("\nWritten by `").append(p.get(Provenance.COMMAND)).append("` on ").append(p.get(Provenance.DATE))
                .append(", code ").append(p.get(Provenance.CODE_VERSION)).append(", ").append(p.get(Provenance.MACHINE))
                .append(", ").append(p.get(Provenance.LOAD)).append(" (`docs/results/data.csv`; charts `data.png` and"
                        + " `data-labels.png`). How sure these are: ").append(HeldOut.describe(heldOut)).append(". **")
                .append(DataStudy.verdict(t, heldOut)).append("**\n");
        return md.toString();
    }

    // ------------------------------------------------------------------ base model

    static String baseModel(Table t, Provenance p) {
        return fmt("held-out perplexity **%.1f**, knowledge-probe accuracy **%.1f%%** of %d facts (chance: 25%%;"
                        + " `docs/results/base-model.csv`, written by `%s` on %s)",
                measure(t, PERPLEXITY), 100 * measure(t, PROBE_ACCURACY), (long) measure(t, PROBE_FACTS),
                p.get(Provenance.COMMAND), p.get(Provenance.DATE).substring(0, 10));
    }

    private static double measure(Table t, String name) {
        for (int r = 0; r < t.rowCount(); r++) {
            if (t.stringColumn(MEASURE).get(r).equals(name)) {
                return number(t, VALUE, r);
            }
        }
        throw new IllegalArgumentException("results table '" + t.name() + "' has no row '" + name + "'");
    }

    // ------------------------------------------------------------------ bench

    static String bench(Table t, Provenance p) {
        StringBuilder s = new StringBuilder();
        s.append(fmt("The committed report (`%s` on %s, %s, load %s) measured: the base model"
                        + " trains at %,.0f tokens/s (%,.0f–%,.0f over the repeats), %.0f%% of the matrix-product peak",
                p.get(Provenance.COMMAND), p.get(Provenance.DATE).substring(0, 10), p.get(Provenance.MACHINE).split(",")[0],
                p.get(Provenance.LOAD).replace("load average ", ""), figure(t, BenchFigures.TRAINING_TOKENS, BenchFigures.MEDIAN),
                figure(t, BenchFigures.TRAINING_TOKENS, BenchFigures.MIN), figure(t, BenchFigures.TRAINING_TOKENS, BenchFigures.MAX),
                100 * figure(t, BenchFigures.MFU, BenchFigures.MEDIAN)));
        if (has(t, BenchFigures.PYTORCH_RATIO)) {
            s.append(fmt(" and %.2f× PyTorch from Python", figure(t, BenchFigures.PYTORCH_RATIO, BenchFigures.MEDIAN)));
        }
        s.append(fmt("; a LoRA step takes %.2f× a full step with %.2f%% of its optimizer state; generation with the"
                        + " KV cache is %.1f× faster than without (%,.0f against %,.0f tokens/s).",
                figure(t, BenchFigures.LORA_STEP, BenchFigures.MEDIAN), 100 * figure(t, BenchFigures.LORA_STATE, BenchFigures.MEDIAN),
                figure(t, BenchFigures.KV_SPEEDUP, BenchFigures.MEDIAN), figure(t, BenchFigures.CACHED, BenchFigures.MEDIAN),
                figure(t, BenchFigures.RECOMPUTED, BenchFigures.MEDIAN)));
        return s.toString();
    }

    private static boolean has(Table t, String figure) {
        return t.stringColumn(BenchFigures.FIGURE).asList().contains(figure);
    }

    private static double figure(Table t, String figure, String column) {
        int r = t.stringColumn(BenchFigures.FIGURE).asList().indexOf(figure);
        if (r < 0) {
            throw new IllegalArgumentException("results table '" + t.name() + "' has no figure '" + figure + "'");
        }
        return number(t, column, r);
    }

    // ------------------------------------------------------------------ lesson times

    /** lesson-times.csv (written by {@code ./lab time-lessons}): one row per lesson in default mode. */
    static String lessonTimes(Table t, Provenance p) {
        StringBuilder md = new StringBuilder("\n| lesson | default mode | CPU time (user + sys) | measured (load at start) |\n"
                + "| --- | ---: | ---: | --- |\n");
        double slowest = 0;
        String slowestLesson = "";
        for (int r = 0; r < t.rowCount(); r++) {
            if (!t.column("mode").getString(r).equals("default")) {
                continue;
            }
            String lesson = t.column("notebook").getString(r).replace(".ipynb", "");
            double wall = number(t, "wall seconds", r) / 60;
            boolean ok = t.column("result").getString(r).equals("ok");
            md.append(fmt("| `%s` | %s | %.1f min | %s (%s) |\n", lesson, ok ? fmt("%.1f min", wall) : "failed",
                    number(t, "CPU seconds", r) / 60, t.column("date").getString(r).substring(0, 10),
                    t.column("load at start").getString(r)));
            if (ok && wall > slowest) {
                slowest = wall;
                slowestLesson = lesson;
            }
        }
        md.append(fmt("\nWritten by `%s` (`docs/results/lesson-times.csv`) on %s, one lesson at a time; the slowest is"
                + " `%s` at %.1f minutes. A lesson keeps both cores busy, so the load at the start of one includes the"
                + " lesson before it.\n", p.get(Provenance.COMMAND), p.get(Provenance.MACHINE).split(",")[0],
                slowestLesson, slowest));
        return md.toString();
    }

    // ------------------------------------------------------------------ helpers


    private static String fmt(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
