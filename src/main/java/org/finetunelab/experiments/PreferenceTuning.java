package org.finetunelab.experiments;

import org.finetunelab.eval.InstructionEval;
import org.finetunelab.eval.PreferenceChecks;
import org.finetunelab.model.GenerationConfig;
import org.finetunelab.model.LanguageModel;
import org.finetunelab.model.Parameter;
import org.finetunelab.peft.FineTuning;
import org.finetunelab.peft.RewardHead;
import org.finetunelab.stats.Spread;
import org.finetunelab.text.PromptTemplate;
import org.finetunelab.text.instructions.PreferenceData;
import org.finetunelab.text.instructions.PreferencePair;
import org.finetunelab.text.instructions.TaskExample;
import org.finetunelab.train.Dpo;
import org.finetunelab.train.InstructionBatches;
import org.finetunelab.train.PairBatches;
import org.finetunelab.train.TrainConfig;
import org.finetunelab.train.Trainer;
import org.finetunelab.train.TrainingListener;
import org.finetunelab.train.TrainingResult;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Learning from preferences, after instruction tuning: people (here, a program) say which of two answers is
 * better, and the model learns to give the better kind. Two ways, both from the instruction-tuned model:
 * <ul>
 *   <li><b>a reward model</b> learns to score answers from the pairs (Bradley–Terry); <b>best-of-n</b> then samples
 *       n answers and keeps the one it scores highest. RLHF goes one step further and trains the model itself
 *       (with PPO) to earn high scores; best-of-n is the same idea without changing a weight.</li>
 *   <li><b>DPO</b> trains the model on the pairs directly, no reward model needed.</li>
 * </ul>
 * Every answer is judged by {@link PreferenceChecks}: right, short, polite, no repetition.
 */
public final class PreferenceTuning {
    public static final Path DATA = Path.of("data/datasets/preferences");

    private PreferenceTuning() {
    }

    /**
     * @param data         the folder with the preference pairs ({@code train.jsonl}, {@code test.jsonl})
     * @param rewardSteps  optimizer steps for the reward model
     * @param dpoSteps     optimizer steps for DPO
     * @param pairsPerStep preference pairs per step
     * @param beta         DPO's β: how far the model may move from the reference
     * @param seed         data order, new weights and sampling
     */
    public record Settings(Path data, long rewardSteps, long dpoSteps, int pairsPerStep, float beta, long seed) {
        public static Settings defaults() {
            return new Settings(DATA, 150, 150, 8, 0.1f, 1);
        }

        public Settings withData(Path folder) {
            return new Settings(folder, rewardSteps, dpoSteps, pairsPerStep, beta, seed);
        }

        public Settings withSteps(long reward, long dpo) {
            return new Settings(data, reward, dpo, pairsPerStep, beta, seed);
        }

        public Settings withBeta(float b) {
            return new Settings(data, rewardSteps, dpoSteps, pairsPerStep, b, seed);
        }

        public Settings withSeed(long s) {
            return new Settings(data, rewardSteps, dpoSteps, pairsPerStep, beta, s);
        }

        public List<PreferencePair> training() {
            return PreferenceData.read(data.resolve(PreferenceData.TRAIN_FILE));
        }

        public List<PreferencePair> heldOut() {
            return PreferenceData.read(data.resolve(PreferenceData.TEST_FILE));
        }
    }

    /** A second model with the same weights: the reference that DPO compares with, or the start of a reward model. */
    public static LanguageModel copyOf(LanguageModel lm, Path base) throws IOException {
        LanguageModel copy = LanguageModel.load(base);
        Map<String, Parameter> from = lm.model().namedParameters();
        copy.model().namedParameters().forEach((name, p) -> p.copyFrom(from.get(name).array()));
        return copy;
    }

    // ------------------------------------------------------------------ the reward model

    /** Scores answers to an instruction: one number each, higher for the kind of answer people prefer. */
    public interface Scorer {
        float[] score(String instruction, List<String> answers);
    }

    /** A language model with a reward head: one number per answer, higher for the kind of answer people prefer. */
    public record RewardModel(LanguageModel lm, RewardHead head, PromptTemplate template) implements Scorer {
        /** The reward of each answer to {@code instruction}. */
        @Override
        public float[] score(String instruction, List<String> answers) {
            int[] prompt = lm.tokenizer().encode(template.render(instruction, null, "").prompt());
            List<int[]> encoded = answers.stream().map(a -> lm.tokenizer().encode(a)).toList();
            return head.score(lm.model(), InstructionBatches.answers(prompt, encoded, lm.tokenizer().endOfTextId()));
        }

        /** Share of held-out pairs whose chosen answer gets the higher reward (0.5 is a coin). */
        public double pairwiseAccuracy(List<PreferencePair> pairs) {
            return head.pairwiseAccuracy(lm.model(), batches(lm, pairs, template, 8, 0).inOrder());
        }
    }

    /**
     * Trains a reward model on the training pairs: {@code start} (the instruction-tuned model; it is changed) with a
     * new reward head, every weight trainable, the pairwise loss −log σ(r(chosen) − r(rejected)).
     */
    public static RewardModel trainRewardModel(LanguageModel start, PromptTemplate template, Settings settings,
                                               List<TrainingListener> listeners) {
        FineTuning.full(start.model());
        RewardHead head = RewardHead.attach(start.model());
        TrainConfig config = TrainConfig.defaults(settings.rewardSteps()).withLearningRate(1e-4f, 1e-5f)
                .withSeed(settings.seed()).withEvaluation(0, 0);
        try (Trainer trainer = Trainer.builder(start.model()).config(config)
                .train(batches(start, settings.training(), template, settings.pairsPerStep(), settings.seed()))
                .noValidation().objective(head.objective()).build()) {
            listeners.forEach(trainer::addListener);
            trainer.fit();
        }
        return new RewardModel(start, head, template);
    }

    private static PairBatches batches(LanguageModel lm, List<PreferencePair> pairs, PromptTemplate template,
                                       int pairsPerBatch, long seed) {
        var encoded = PairBatches.encode(pairs.stream().map(PreferencePair::texts).toList(), lm.tokenizer(), template,
                lm.model().config().contextLength());
        return new PairBatches(encoded, pairsPerBatch, PairBatches.lengthFor(encoded), lm.tokenizer().endOfTextId(), seed);
    }

    // ------------------------------------------------------------------ answers and how they behave

    /** How answers are sampled for best-of-n and for the behaviour rates: one line, at most 48 tokens. */
    public static GenerationConfig sampling(long seed) {
        return GenerationConfig.sampling(48, seed).withTemperature(1.0f).withStop("\n");
    }

    /** The most likely answer, one line. */
    public static GenerationConfig greedy() {
        return GenerationConfig.greedy(48).withStop("\n");
    }

    /** {@code n} sampled answers to each example, the i-th with seed {@code seed + i}. */
    public static List<List<String>> sample(LanguageModel lm, PromptTemplate template, List<TaskExample> prompts, int n,
                                            long seed, IntConsumer progress) {
        List<List<String>> out = new ArrayList<>();
        for (TaskExample e : prompts) {
            String prompt = template.render(e.instruction(), null, "").prompt();
            List<String> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                answers.add(lm.generate(prompt, sampling(seed + i)).strip());
            }
            out.add(answers);
            if (progress != null) {
                progress.accept(out.size());
            }
        }
        return out;
    }

    /** One answer to each example with {@code config}. */
    public static List<String> answer(LanguageModel lm, PromptTemplate template, List<TaskExample> prompts,
                                      GenerationConfig config) {
        return prompts.stream().map(e -> lm.generate(template.render(e.instruction(), null, "").prompt(), config).strip())
                .toList();
    }

    /** Share of answers that behave, and of each problem (wrong, rambling, rude, repeats itself). */
    public record Behaviour(int answers, int behaving, Map<String, Integer> problems) {
        public double rate() {
            return answers == 0 ? Double.NaN : (double) behaving / answers;
        }

        public double rate(String problem) {
            return answers == 0 ? Double.NaN : (double) problems.getOrDefault(problem, 0) / answers;
        }
    }

    public static final List<String> PROBLEMS = List.of("wrong", "rambling", "rude", "repeats itself");

    public static Behaviour behaviour(List<TaskExample> prompts, List<String> answers) {
        int behaving = 0;
        Map<String, Integer> problems = new LinkedHashMap<>();
        PROBLEMS.forEach(p -> problems.put(p, 0));
        for (int i = 0; i < prompts.size(); i++) {
            List<String> found = PreferenceChecks.problems(prompts.get(i), answers.get(i));
            behaving += found.isEmpty() ? 1 : 0;
            found.forEach(p -> problems.merge(p, 1, Integer::sum));
        }
        return new Behaviour(prompts.size(), behaving, problems);
    }

    /**
     * Best-of-n: for each n, the answer the reward model scores highest among the first n samples (n = 1 is plain
     * sampling), and how those answers behave. The samples are drawn once, so a larger n only adds candidates.
     */
    public static Map<Integer, Behaviour> bestOfN(Scorer reward, List<TaskExample> prompts,
                                                  List<List<String>> samples, int... ns) {
        Map<Integer, Behaviour> out = new LinkedHashMap<>();
        List<float[]> scores = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            scores.add(reward.score(prompts.get(i).instruction(), samples.get(i)));
        }
        for (int n : ns) {
            List<String> picked = new ArrayList<>();
            for (int i = 0; i < prompts.size(); i++) {
                int best = 0;
                for (int j = 1; j < Math.min(n, samples.get(i).size()); j++) {
                    best = scores.get(i)[j] > scores.get(i)[best] ? j : best;
                }
                picked.add(samples.get(i).get(best));
            }
            out.put(n, behaviour(prompts, picked));
        }
        return out;
    }

    // ------------------------------------------------------------------ DPO

    /**
     * DPO: trains {@code policy} (the instruction-tuned model; every weight) on the training pairs against the
     * frozen {@code reference} (a copy of the same model). The returned trainer's objective is the {@link Dpo}, whose
     * last margin and accuracy a live chart reads.
     */
    public static TrainingResult dpo(LanguageModel policy, LanguageModel reference, PromptTemplate template,
                                     Settings settings, Dpo objective, List<TrainingListener> listeners) {
        FineTuning.full(policy.model());
        TrainConfig config = TrainConfig.defaults(settings.dpoSteps()).withLearningRate(3e-5f, 3e-6f)
                .withSeed(settings.seed()).withEvaluation(0, 0);
        try (Trainer trainer = Trainer.builder(policy.model()).config(config)
                .train(batches(policy, settings.training(), template, settings.pairsPerStep(), settings.seed()))
                .noValidation().objective(objective).build()) {
            listeners.forEach(trainer::addListener);
            return trainer.fit();
        }
    }

    /** The DPO objective for {@code reference} with the settings' β. */
    public static Dpo objective(LanguageModel reference, Settings settings) {
        return new Dpo(reference.model(), settings.beta());
    }

    // ------------------------------------------------------------------ the study

    /** What the study tells its caller as it goes: a stage's name, and listeners for its training steps. */
    public interface Progress {
        Progress NONE = stage -> List.of();

        List<TrainingListener> onStage(String stage);
    }

    /**
     * What the study measured: how answers behave for each setting, the reward model's held-out pairwise accuracy,
     * and instruction-following accuracy before and after DPO (what DPO keeps or costs).
     */
    public record Result(Map<String, Behaviour> behaviour, double rewardAccuracy, double sftInstructionAccuracy,
                         double dpoInstructionAccuracy) {
    }

    /**
     * The README's study, for one seed: instruction-tune the base ({@code sft}'s recipe, full fine-tuning), then a
     * reward model and best-of-n (n = 1, 4, 16) over sampled answers, then DPO, each judged on {@code prompts};
     * instruction accuracy on {@code instructions} before and after DPO.
     */
    public static Result study(Path base, InstructionTuning.Settings sft, Settings settings, List<TaskExample> prompts,
                               List<TaskExample> instructions, Progress progress) throws IOException {
        PromptTemplate template = sft.template();
        Map<String, Behaviour> rows = new LinkedHashMap<>();
        try (LanguageModel tuned = LanguageModel.load(base)) {
            InstructionTuning.train(tuned, InstructionTuning.Method.FULL, sft.withSeed(settings.seed()),
                    progress.onStage("instruction tuning (SFT)"));
            progress.onStage("the SFT model answers");
            rows.put("SFT, greedy", behaviour(prompts, answer(tuned, template, prompts, greedy())));
            List<List<String>> samples = sample(tuned, template, prompts, 16, settings.seed(), null);
            double rewardAccuracy;
            try (LanguageModel start = copyOf(tuned, base)) {
                RewardModel reward = trainRewardModel(start, template, settings, progress.onStage("reward model"));
                rewardAccuracy = reward.pairwiseAccuracy(settings.heldOut());
                progress.onStage("best of n");
                bestOfN(reward, prompts, samples, 1, 4, 16).forEach((n, b) ->
                        rows.put(n == 1 ? "SFT, sampled (best of 1)" : "best of " + n + " (reward model)", b));
            }
            double before = InstructionEval.run(tuned, template, instructions, null).accuracy();
            try (LanguageModel policy = copyOf(tuned, base)) {
                Dpo objective = objective(tuned, settings);
                dpo(policy, tuned, template, settings, objective, progress.onStage("DPO"));
                progress.onStage("the DPO model answers");
                rows.put("DPO, greedy", behaviour(prompts, answer(policy, template, prompts, greedy())));
                List<String> sampled = sample(policy, template, prompts, 1, settings.seed(), null).stream()
                        .map(list -> list.get(0)).toList();
                rows.put("DPO, sampled", behaviour(prompts, sampled));
                double after = InstructionEval.run(policy, template, instructions, null).accuracy();
                return new Result(rows, rewardAccuracy, before, after);
            }
        }
    }

    /** One row per setting over the seeds' results: the preferred-behaviour rate's spread and each problem's mean. */
    public static Table summary(List<Result> results) {
        var setting = StringColumn.create("setting");
        var seeds = IntColumn.create("seeds");
        var mean = DoubleColumn.create("preferred behaviour");
        var std = DoubleColumn.create("std");
        var min = DoubleColumn.create("min");
        var max = DoubleColumn.create("max");
        Map<String, DoubleColumn> problems = new LinkedHashMap<>();
        PROBLEMS.forEach(p -> problems.put(p, DoubleColumn.create(p)));
        for (String name : results.get(0).behaviour().keySet()) {
            List<Behaviour> runs = results.stream().map(r -> r.behaviour().get(name)).toList();
            Spread rate = Spread.of(runs.stream().mapToDouble(Behaviour::rate).toArray());
            setting.append(name);
            seeds.append(runs.size());
            mean.append(rate.mean());
            std.append(rate.std());
            min.append(rate.min());
            max.append(rate.max());
            problems.forEach((p, column) -> column.append(runs.stream().mapToDouble(b -> b.rate(p)).average().orElse(Double.NaN)));
        }
        Table table = Table.create("preferred behaviour on held-out prompts", setting, seeds, mean, std, min, max);
        problems.values().forEach(table::addColumns);
        return table;
    }

    /** The reward model's held-out pairwise accuracy and instruction following before and after DPO, over the seeds. */
    public static Table measures(List<Result> results) {
        var measure = StringColumn.create("measure");
        var seeds = IntColumn.create("seeds");
        var mean = DoubleColumn.create("mean");
        var std = DoubleColumn.create("std");
        var min = DoubleColumn.create("min");
        var max = DoubleColumn.create("max");
        Map<String, double[]> rows = new LinkedHashMap<>();
        rows.put("reward model: held-out pairs ranked right", results.stream().mapToDouble(Result::rewardAccuracy).toArray());
        rows.put("instruction following: SFT", results.stream().mapToDouble(Result::sftInstructionAccuracy).toArray());
        rows.put("instruction following: after DPO", results.stream().mapToDouble(Result::dpoInstructionAccuracy).toArray());
        rows.forEach((name, values) -> {
            Spread s = Spread.of(values);
            measure.append(name);
            seeds.append(values.length);
            mean.append(s.mean());
            std.append(s.std());
            min.append(s.min());
            max.append(s.max());
        });
        return Table.create("reward model and what DPO costs", measure, seeds, mean, std, min, max);
    }

    // ------------------------------------------------------------------ tables

    /** One row per setting: how its answers behave, overall and by problem. */
    public static Table behaviourTable(String title, Map<String, Behaviour> rows) {
        var setting = StringColumn.create("setting");
        var answers = IntColumn.create("answers");
        var rate = DoubleColumn.create("preferred behaviour");
        Map<String, DoubleColumn> problems = new LinkedHashMap<>();
        PROBLEMS.forEach(p -> problems.put(p, DoubleColumn.create(p)));
        rows.forEach((name, b) -> {
            setting.append(name);
            answers.append(b.answers());
            rate.append(b.rate());
            problems.forEach((p, column) -> column.append(b.rate(p)));
        });
        Table table = Table.create(title, setting, answers, rate);
        problems.values().forEach(table::addColumns);
        return table;
    }
}
