package org.finetunelab.experiments;

import org.finetunelab.eval.KnowledgeProbe;
import org.finetunelab.eval.Perplexity;
import org.finetunelab.model.Gpt;
import org.finetunelab.model.LanguageModel;
import org.finetunelab.peft.AdapterConfig;
import org.finetunelab.peft.FineTuning;
import org.finetunelab.peft.LoraConfig;
import org.finetunelab.peft.PromptConfig;
import org.finetunelab.results.ResultsFile;
import org.finetunelab.stats.Spread;
import org.finetunelab.stats.Verdict;
import org.finetunelab.text.LabelledTexts;
import org.finetunelab.text.Tokenizer;
import org.finetunelab.text.corpus.CorpusBuilder;
import org.finetunelab.text.corpus.Fact;
import org.finetunelab.text.corpus.KnowledgeSet;
import org.finetunelab.train.Batch;
import org.finetunelab.train.BatchSource;
import org.finetunelab.train.Ewc;
import org.finetunelab.train.LanguageModelLoss;
import org.finetunelab.train.MixedBatches;
import org.finetunelab.train.Objective;
import org.finetunelab.train.StepRecord;
import org.finetunelab.train.TextData;
import org.finetunelab.train.TokenWindows;
import org.finetunelab.train.TrainConfig;
import org.finetunelab.train.Trainer;
import org.finetunelab.train.TrainingListener;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleSupplier;
import java.util.function.ToDoubleFunction;

/**
 * Catastrophic forgetting: fine-tune the base model on a narrow domain and watch, step by step, what it loses of
 * its general ability, and which cures help.
 * <pre>{@code
 * var settings = ForgettingStudy.Settings.defaults(ForgettingStudy.corpus(cacheFolder));
 * var result = ForgettingStudy.study(Path.of("data/models/base"), settings, ForgettingStudy.SETTINGS, Seeds.of(3),
 *         ForgettingStudy.Progress.NONE);
 * Table t = ForgettingStudy.summary(result);   // forgetting and in-domain gain per setting, mean and spread
 * }</pre>
 *
 * <p>The narrow domain is the lab's product reviews ({@code data/datasets/sentiment/reviews.jsonl}): short, modern,
 * first-person texts about kettles and headphones, which the pretraining corpus (dictionaries, the King James Bible,
 * fortunes) does not contain. <b>In-domain gain</b> is how much the held-out reviews' loss falls (nats per token).
 * <b>Forgetting</b> is measured twice: the drop in knowledge-probe accuracy (a fixed, seeded subset of the lab's
 * facts, which the base model knows almost all of) and the rise in perplexity on held-out general text (the
 * pretraining corpus's {@code valid.txt}). Both are measured before training and every {@code evalEvery} steps.
 *
 * <p>The settings: full fine-tuning at a high learning rate (the setting that forgets), then its cures — a tenth of
 * the learning rate, gradual unfreezing, EWC at several λ ({@link Ewc}, Fisher from general text), replay of general
 * text in every batch — and the parameter-efficient methods, which leave the base weights alone.
 */
public final class ForgettingStudy {
    public static final Path REVIEWS = Path.of("data/datasets/sentiment/reviews.jsonl");
    public static final Path FACTS = Path.of("data/datasets/knowledge/facts.jsonl");
    /** The name of the setting every other one is compared with. */
    public static final String FULL = "full";

    private ForgettingStudy() {
    }

    /**
     * @param domain       the narrow domain: a JSONL file of texts with a train/test split (the reviews)
     * @param corpus       a folder with the pretraining corpus's {@code train.txt} (for EWC's Fisher and for replay)
     *                     and {@code valid.txt} (held-out general text), see {@link #corpus}
     * @param facts        the knowledge facts
     * @param steps        fine-tuning steps per run
     * @param batchSize    windows per step
     * @param window       tokens per window
     * @param evalEvery    measure forgetting every this many steps
     * @param probeFacts   facts in the probe: a fixed seeded subset, the same for every run (0 = all)
     * @param generalWindows windows of held-out general text whose perplexity is measured
     */
    public record Settings(Path domain, Path corpus, Path facts, int steps, int batchSize, int window, int evalEvery,
                           int probeFacts, int generalWindows) {
        public Settings {
            if (steps < 1 || batchSize < 2 || window < 2 || evalEvery < 1 || probeFacts < 0 || generalWindows < 1) {
                throw new IllegalArgumentException("forgetting study: steps, evalEvery and generalWindows must be at least 1,"
                        + " batchSize and window at least 2, probeFacts at least 0; got " + this);
            }
        }

        /** The README's run: 60 steps of 8 windows of 64 tokens, measured every 15 steps on 64 facts (5 minutes for 3 seeds on 2 cores). */
        public static Settings defaults(Path corpus) {
            return new Settings(REVIEWS, corpus, FACTS, 60, 8, 64, 15, 64, 16);
        }

        /** Checks the mechanics in seconds: 6 steps, 16 facts. */
        public static Settings quick(Path corpus) {
            return new Settings(REVIEWS, corpus, FACTS, 6, 4, 32, 3, 16, 4);
        }

        /** The reviews and facts from elsewhere (a notebook passes Notebook.file(...) paths). */
        public Settings withData(Path domainFile, Path factsFile) {
            return new Settings(domainFile, corpus, factsFile, steps, batchSize, window, evalEvery, probeFacts, generalWindows);
        }

        public Settings withSteps(int n) {
            return new Settings(domain, corpus, facts, n, batchSize, window, Math.min(evalEvery, n), probeFacts, generalWindows);
        }

        public Settings withProbeFacts(int n) {
            return new Settings(domain, corpus, facts, steps, batchSize, window, evalEvery, n, generalWindows);
        }

        public Settings withEvalEvery(int n) {
            return new Settings(domain, corpus, facts, steps, batchSize, window, n, probeFacts, generalWindows);
        }
    }

    /** How the model is fine-tuned. */
    public enum Method { FULL, LORA, ADAPTERS, PROMPT }

    /**
     * One row of the study.
     *
     * @param replayShare share of every batch's windows taken from general text (replay); the rest are reviews
     * @param gradual    gradual unfreezing: one more block joins every steps/(layers+1) steps
     */
    public record Setting(String name, Method method, float learningRate, float ewcLambda, double replayShare, boolean gradual) {
        public static Setting of(String name, Method method, float learningRate) {
            return new Setting(name, method, learningRate, 0, 0, false);
        }

        /** Full fine-tuning with EWC at {@code lambda}. */
        public static Setting ewc(float lambda) {
            return new Setting("EWC λ=" + compact(lambda), Method.FULL, FULL_RATE, lambda, 0, false);
        }
    }

    /** Full fine-tuning's learning rate: high on purpose, so that forgetting shows within a short run. */
    public static final float FULL_RATE = 1e-3f;

    /** EWC's λ values in the default sweep. */
    public static final List<Float> LAMBDAS = List.of(1e3f, 1e4f, 1e5f);

    /** Every setting of the study: full, its cures, the λ sweep, and the parameter-efficient methods. */
    public static final List<Setting> SETTINGS = settings(LAMBDAS);

    /** The study's settings with the given EWC λ sweep. */
    public static List<Setting> settings(List<Float> lambdas) {
        List<Setting> out = new ArrayList<>();
        out.add(Setting.of(FULL, Method.FULL, FULL_RATE));
        out.add(Setting.of("full, lr ÷10", Method.FULL, FULL_RATE / 10));
        out.add(new Setting("gradual unfreezing", Method.FULL, FULL_RATE, 0, 0, true));
        lambdas.forEach(l -> out.add(Setting.ewc(l)));
        out.add(new Setting("replay 25%", Method.FULL, FULL_RATE, 0, 0.25, false));
        out.add(Setting.of("LoRA r=8", Method.LORA, 3e-3f));
        out.add(Setting.of("adapters 16", Method.ADAPTERS, 3e-3f));
        out.add(Setting.of("prompt tuning 16", Method.PROMPT, 3e-2f));
        return List.copyOf(out);
    }

    /** The measurements at one step: probe accuracy, general perplexity, held-out domain loss. */
    public record Point(long step, double probeAccuracy, double perplexity, double domainLoss) {
    }

    /** One run: a setting, a seed, its curve (the first point is step 0, the base model) and its cost. */
    public record Run(String setting, long seed, long trainable, double seconds, List<Point> curve) {
        public Point last() {
            return curve.get(curve.size() - 1);
        }
    }

    /** Every run, the base model's own measurement, and how many facts the probe asked. */
    public record Result(Point base, List<Run> runs, int probeFacts) {
    }

    /** What the study tells its caller as it goes (a notebook shows a live chart, the command line a progress bar). */
    public interface Progress {
        Progress NONE = (setting, seed, probe) -> List.of();

        /** Called before each run; {@code probe} reads the latest probe accuracy. Returns listeners for the run's steps. */
        List<TrainingListener> onRun(Setting setting, long seed, DoubleSupplier probe);
    }

    /** Where the command line keeps the pretraining corpus: $FINETUNE_CACHE/corpus, else ~/.cache/finetune-lab/corpus. */
    public static Path defaultCorpusFolder() {
        String cache = System.getenv("FINETUNE_CACHE");
        return (cache != null && !cache.isBlank() ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache",
                "finetune-lab")).resolve("corpus");
    }

    /** The pretraining corpus in {@code folder}, built there first (about half a minute) when it is not. */
    public static Path corpus(Path folder) throws IOException {
        if (!Files.isRegularFile(folder.resolve("valid.txt")) || !Files.isRegularFile(folder.resolve("train.txt"))) {
            new CorpusBuilder().build(folder);
        }
        return folder;
    }

    /** The texts and facts every run shares, read once. */
    private record Data(LabelledTexts reviews, int[] generalTrain, int[] generalHeldOut, List<Fact> facts) {
    }

    public static Result study(Path base, Settings settings, List<Setting> rows, long[] seeds, Progress progress)
            throws IOException {
        Data data;
        Point before;
        try (LanguageModel lm = LanguageModel.load(base)) {
            Tokenizer tok = lm.tokenizer();
            data = new Data(LabelledTexts.load(settings.domain()),
                    firstTokens(tok, settings.corpus().resolve("train.txt"), 400 * settings.window()),
                    firstTokens(tok, settings.corpus().resolve("valid.txt"), (settings.generalWindows() + 1) * settings.window()),
                    probeSubset(KnowledgeSet.load(settings.facts()), settings.probeFacts()));
            before = measure(lm.model(), tok, data, settings, 0, domainData(tok, data, settings, settings.batchSize(), 1)
                    .validation());
        }
        List<Run> runs = new ArrayList<>();
        for (Setting row : rows) {
            for (long seed : seeds) {
                runs.add(run(base, settings, row, seed, data, before, progress));
            }
        }
        return new Result(before, runs, data.facts().size());
    }

    private static Run run(Path base, Settings settings, Setting row, long seed, Data data, Point before, Progress progress)
            throws IOException {
        long start = System.nanoTime();
        try (LanguageModel lm = LanguageModel.load(base)) {
            Gpt model = lm.model();
            Tokenizer tok = lm.tokenizer();
            int replay = (int) Math.round(settings.batchSize() * row.replayShare());
            TextData reviews = domainData(tok, data, settings, settings.batchSize() - replay, seed);
            BatchSource batches = replay == 0 ? reviews.train() : new MixedBatches(reviews.train(),
                    TokenWindows.builder(data.generalTrain()).batchSize(replay).windowLength(settings.window()).seed(seed).build());
            apply(model, row.method(), seed);
            TrainConfig config = TrainConfig.defaults(settings.steps()).withLearningRate(row.learningRate(), row.learningRate() / 10)
                    .withEvaluation(settings.evalEvery(), reviews.validation().size()).withSeed(seed);
            List<Point> curve = new ArrayList<>(List.of(before));
            Ewc ewc = row.ewcLambda() > 0 ? Ewc.estimate(model, TokenWindows.builder(data.generalTrain()).batchSize(1)
                    .windowLength(settings.window()).build().sequential(16), row.ewcLambda(), LanguageModelLoss.NEXT_TOKEN) : null;
            Objective objective = ewc != null ? ewc : LanguageModelLoss.NEXT_TOKEN;
            try (Trainer trainer = Trainer.builder(model).config(config).train(batches).validation(reviews.validation())
                    .objective(objective).build()) {
                if (row.gradual()) {
                    trainer.addListener(FineTuning.gradualUnfreezing(model, Math.max(1,
                            settings.steps() / (model.blocks().size() + 1))));
                }
                trainer.addListener(new TrainingListener() {
                    @Override
                    public void onStep(StepRecord r) {
                        if (r.evaluated()) {
                            curve.add(measure(model, tok, data, settings, r.step() + 1, r.valLoss()));
                        }
                    }
                });
                progress.onRun(row, seed, () -> curve.get(curve.size() - 1).probeAccuracy()).forEach(trainer::addListener);
                trainer.fit();
            } finally {
                if (ewc != null) {
                    ewc.close();
                }
            }
            return new Run(row.name(), seed, model.trainableParameterCount(), (System.nanoTime() - start) / 1e9, curve);
        }
    }

    private static void apply(Gpt model, Method method, long seed) {
        switch (method) {
            case FULL -> FineTuning.full(model);
            case LORA -> FineTuning.lora(model, LoraConfig.allLinear(8).withSeed(seed));
            case ADAPTERS -> FineTuning.adapters(model, AdapterConfig.of(16).withSeed(seed));
            case PROMPT -> FineTuning.promptTuning(model, PromptConfig.fromVocabulary(16).withSeed(seed));
        }
    }

    /** The reviews as training windows ({@code rows} per batch) and held-out batches (the test split). */
    private static TextData domainData(Tokenizer tok, Data data, Settings settings, int rows, long seed) {
        return TextData.fromTexts(tok, data.reviews().train().stream().map(LabelledTexts.Example::text).toList())
                .heldOutTexts(data.reviews().test().stream().map(LabelledTexts.Example::text).toList())
                .batchSize(rows).windowLength(settings.window()).seed(seed).build();
    }

    private static Point measure(Gpt model, Tokenizer tok, Data data, Settings settings, long step, List<Batch> domain) {
        return measure(model, tok, data, settings, step, LanguageModelLoss.evaluate(model, domain));
    }

    private static Point measure(Gpt model, Tokenizer tok, Data data, Settings settings, long step, double domainLoss) {
        double probe = KnowledgeProbe.run(model, tok, data.facts()).accuracy();
        double ppl = Perplexity.of(model, data.generalHeldOut(), settings.generalWindows(), settings.window()).perplexity();
        return new Point(step, probe, ppl, domainLoss);
    }

    /** A fixed subset of the facts, the same for every run and every call (seed 42); all of them when n is 0. */
    static List<Fact> probeSubset(List<Fact> facts, int n) {
        if (n == 0 || n >= facts.size()) {
            return facts;
        }
        List<Fact> shuffled = new ArrayList<>(facts);
        Collections.shuffle(shuffled, new Random(42));
        return List.copyOf(shuffled.subList(0, n));
    }

    /** The first documents of a corpus file (documents end with a line {@code <|endoftext|>}), about {@code tokens} tokens. */
    static int[] firstTokens(Tokenizer tok, Path file, int tokens) throws IOException {
        List<String> docs = new ArrayList<>();
        StringBuilder doc = new StringBuilder();
        long chars = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            // About 4 characters per token; reading twice that leaves room for long words.
            while ((line = in.readLine()) != null && chars < 8L * tokens) {
                if (line.equals(Tokenizer.END_OF_TEXT)) {
                    docs.add(doc.toString());
                    doc.setLength(0);
                } else {
                    doc.append(doc.length() > 0 ? "\n" : "").append(line);
                    chars += line.length() + 1;
                }
            }
        }
        List<Integer> out = new ArrayList<>();
        for (int[] ids : tok.encodeBatch(docs)) {
            out.add(tok.endOfTextId());
            for (int id : ids) {
                out.add(id);
            }
        }
        if (out.size() < tokens) {
            throw new IllegalArgumentException(file + ": holds " + out.size() + " tokens of whole documents; the study needs "
                    + tokens + " (is it the pretraining corpus? see ForgettingStudy.corpus)");
        }
        return out.subList(0, tokens).stream().mapToInt(Integer::intValue).toArray();
    }

    // Column names of the summary, for tables, charts and the claims that read them.
    public static final String PROBE_DROP = "probe drop";
    public static final String PERPLEXITY_RISE = "perplexity rise";
    public static final String DOMAIN_GAIN = "domain gain";

    /**
     * One row per setting: trainable weights, seeds, then for each of probe drop (accuracy before − after, a
     * fraction), perplexity rise (after − before) and domain gain (held-out review loss before − after, nats per
     * token): the mean, std, min and max over the seeds; and minutes per run.
     */
    public static Table summary(Result result) {
        Table t = Table.create("forgetting and in-domain gain", StringColumn.create("setting"),
                LongColumn.create("trainable"), IntColumn.create("seeds"));
        for (String measure : List.of(PROBE_DROP, PERPLEXITY_RISE, DOMAIN_GAIN)) {
            for (String suffix : List.of("", " std", " min", " max")) {
                t.addColumns(DoubleColumn.create(measure + suffix));
            }
        }
        t.addColumns(DoubleColumn.create("minutes per run"));
        bySetting(result.runs()).forEach((name, runs) -> {
            t.stringColumn("setting").append(name);
            t.longColumn("trainable").append(runs.get(0).trainable());
            t.intColumn("seeds").append(runs.size());
            Map<String, Spread> spreads = Map.of(PROBE_DROP, spread(runs, r -> result.base().probeAccuracy() - r.last().probeAccuracy()),
                    PERPLEXITY_RISE, spread(runs, r -> r.last().perplexity() - result.base().perplexity()),
                    DOMAIN_GAIN, spread(runs, r -> result.base().domainLoss() - r.last().domainLoss()));
            spreads.forEach((measure, s) -> {
                t.doubleColumn(measure).append(s.mean());
                t.doubleColumn(measure + " std").append(s.std());
                t.doubleColumn(measure + " min").append(s.min());
                t.doubleColumn(measure + " max").append(s.max());
            });
            t.doubleColumn("minutes per run").append(runs.stream().mapToDouble(Run::seconds).average().orElse(0) / 60);
        });
        return t;
    }

    /** Every measurement of every run: setting, seed, step, probe accuracy, general perplexity, domain loss. */
    public static Table curves(Result result) {
        Table t = Table.create("forgetting over the steps", StringColumn.create("setting"), IntColumn.create("seed"),
                IntColumn.create("step"), DoubleColumn.create("probe accuracy"), DoubleColumn.create("general perplexity"),
                DoubleColumn.create("domain loss"));
        for (Run run : result.runs()) {
            for (Point p : run.curve()) {
                t.stringColumn("setting").append(run.setting());
                t.intColumn("seed").append((int) run.seed());
                t.intColumn("step").append((int) p.step());
                t.doubleColumn("probe accuracy").append(p.probeAccuracy());
                t.doubleColumn("general perplexity").append(p.perplexity());
                t.doubleColumn("domain loss").append(p.domainLoss());
            }
        }
        return t;
    }

    /**
     * Every setting against {@link #FULL}, judged by {@link Verdict}: the final probe accuracy (with the probe's
     * sampling error), the general perplexity rise and the in-domain gain (the seeds' ranges must not overlap).
     * Each cell says "less", "more" or "indistinguishable" — forgetting and gain relative to full fine-tuning.
     */
    public static Table againstFull(Result result) {
        return againstFull(summary(result), result.base().probeAccuracy(), result.probeFacts());
    }

    /** The same from a {@link #summary} table (e.g. read back from a results file) and the base model's probe accuracy. */
    public static Table againstFull(Table summary, double baseProbe, int probeFacts) {
        Table t = Table.create("against full fine-tuning", StringColumn.create("setting"),
                StringColumn.create("probe forgetting"), StringColumn.create("perplexity rise"), StringColumn.create("domain gain"));
        int fullRow = summary.stringColumn("setting").indexOf(FULL);
        if (fullRow < 0) {
            return t;
        }
        for (int row = 0; row < summary.rowCount(); row++) {
            if (row != fullRow) {
                t.stringColumn("setting").append(summary.stringColumn("setting").get(row));
                // Less probe accuracy lost is a higher final accuracy: base − drop, compared with its sampling error.
                t.stringColumn("probe forgetting").append(words(Verdict.compare(accuracy(summary, fullRow, baseProbe),
                        accuracy(summary, row, baseProbe), probeFacts)));
                t.stringColumn("perplexity rise").append(words(Verdict.compare(
                        ResultsFile.spread(summary, PERPLEXITY_RISE, row), ResultsFile.spread(summary, PERPLEXITY_RISE, fullRow))));
                t.stringColumn("domain gain").append(words(Verdict.compare(
                        ResultsFile.spread(summary, DOMAIN_GAIN, row), ResultsFile.spread(summary, DOMAIN_GAIN, fullRow))));
            }
        }
        return t;
    }

    /** The final probe accuracy's spread: the base accuracy minus the drop. */
    private static Spread accuracy(Table summary, int row, double baseProbe) {
        Spread drop = ResultsFile.spread(summary, PROBE_DROP, row);
        return new Spread(drop.runs(), baseProbe - drop.mean(), drop.std(), baseProbe - drop.max(), baseProbe - drop.min());
    }

    /**
     * The verdicts of {@link #againstFull} in sentences, one per measure, naming only the settings whose difference
     * from full fine-tuning exceeds the noise; with one seed, one sentence saying that nothing can be ranked.
     */
    public static List<String> findings(Result result) {
        return findings(summary(result), result.base().probeAccuracy(), result.probeFacts());
    }

    /** The same from a {@link #summary} table and the base model's probe accuracy. */
    public static List<String> findings(Table summary, double baseProbe, int probeFacts) {
        if (summary.intColumn("seeds").asList().stream().anyMatch(n -> n < 2)) {
            return List.of("With a single seed there is no spread to judge by, so no setting is ranked against full"
                    + " fine-tuning: run several seeds.");
        }
        Table t = againstFull(summary, baseProbe, probeFacts);
        List<String> out = new ArrayList<>();
        Map<String, String> measures = new LinkedHashMap<>();
        measures.put("probe forgetting", "probe accuracy lost");
        measures.put("perplexity rise", "rise in general perplexity");
        measures.put("domain gain", "in-domain gain");
        measures.forEach((column, words) -> {
            Map<String, List<String>> groups = new LinkedHashMap<>();
            for (int row = 0; row < t.rowCount(); row++) {
                groups.computeIfAbsent(t.stringColumn(column).get(row), k -> new ArrayList<>()).add(t.stringColumn("setting").get(row));
            }
            StringBuilder sb = new StringBuilder(Character.toUpperCase(words.charAt(0)) + words.substring(1) + ", against full fine-tuning:");
            for (String standing : List.of("less", "more", "indistinguishable")) {
                if (groups.containsKey(standing)) {
                    sb.append(' ').append(standing.equals("indistinguishable") ? "not told apart" : standing).append(" — ")
                            // Quoted: a setting's name may hold a comma ("full, lr ÷10").
                            .append(String.join(", ", groups.get(standing).stream().map(n -> "\"" + n + "\"").toList()))
                            .append(';');
                }
            }
            out.add(sb.substring(0, sb.length() - 1) + ".");
        });
        return out;
    }

    private static String words(Verdict.Standing s) {
        return switch (s) {
            case ABOVE -> "more";
            case BELOW -> "less";
            case INDISTINGUISHABLE -> "indistinguishable";
        };
    }

    private static Map<String, List<Run>> bySetting(List<Run> runs) {
        Map<String, List<Run>> out = new LinkedHashMap<>();
        runs.forEach(r -> out.computeIfAbsent(r.setting(), k -> new ArrayList<>()).add(r));
        return out;
    }

    private static Spread spread(List<Run> runs, ToDoubleFunction<Run> figure) {
        return Spread.of(runs.stream().mapToDouble(figure).toArray());
    }

    /** 1000 → "1e3", 0.5 → "0.5": λ as a name. */
    static String compact(float lambda) {
        double log = Math.log10(lambda);
        return lambda >= 1000 && log == Math.rint(log) ? "1e" + (int) log : Float.toString(lambda).replaceAll("\\.0$", "");
    }
}
