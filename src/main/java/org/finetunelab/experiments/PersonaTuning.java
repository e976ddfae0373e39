package org.finetunelab.experiments;

import org.finetunelab.eval.personas.PersonaMetrics;
import org.finetunelab.eval.personas.PersonaMetrics.Check;
import org.finetunelab.model.GenerationConfig;
import org.finetunelab.model.LanguageModel;
import org.finetunelab.peft.FineTuning;
import org.finetunelab.peft.Lora;
import org.finetunelab.peft.LoraConfig;
import org.finetunelab.text.InstructionDataset;
import org.finetunelab.text.InstructionExample;
import org.finetunelab.text.OverLength;
import org.finetunelab.text.PromptTemplate;
import org.finetunelab.text.personas.Persona;
import org.finetunelab.text.personas.PersonaData;
import org.finetunelab.text.personas.PersonaExample;
import org.finetunelab.text.pronunciation.Pronunciation;
import org.finetunelab.train.InstructionBatches;
import org.finetunelab.train.TrainConfig;
import org.finetunelab.train.Trainer;
import org.finetunelab.train.TrainingListener;
import org.finetunelab.train.TrainingResult;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.Predicate;

/**
 * The personas' recipes: each persona is taught to the base model by a LoRA adapter of its own, so the three share one
 * base in memory and a question is answered by whichever adapter is switched on ({@link PersonaAdapters}).
 * <pre>{@code
 * try (var lm = LanguageModel.load(PersonaTuning.BASE)) {
 *     var questions = PersonaTuning.heldOut(Persona.BARD);
 *     var before = PersonaTuning.evaluate(lm, Persona.BARD, questions, null);
 *     var bard = PersonaTuning.train(lm, Persona.BARD, PersonaTuning.Recipe.defaults(Persona.BARD), List.of());
 *     var after = PersonaTuning.evaluate(lm, Persona.BARD, questions, null);
 *     PersonaTuning.compare(before, after);          // each check's rate, base and tuned
 *     PersonaTuning.save(bard, Path.of("runs/personas"));
 * }
 * var personas = PersonaTuning.loadAll(baseModel, Path.of("runs/personas"));
 * personas.answer("bard", "How do I sleep better?");
 * }</pre>
 * Train each persona on a freshly loaded base: an adapter trained on a model that already carries another would have
 * learnt on top of it.
 */
public final class PersonaTuning {
    public static final Path BASE = Path.of("data/models/base");
    /** The one template personas are trained and asked with. */
    public static final PromptTemplate TEMPLATE = PromptTemplate.CHAT;
    /** Room left after the longest training response before an answer is cut: fluent answers end on their own. */
    static final int ANSWER_SLACK = 8;
    /** An answer ends where the model starts a new chat turn. */
    private static final String[] TURN_MARKS = {"<|user|>", "<|assistant|>"};

    private PersonaTuning() {
    }

    /**
     * How a persona is trained: LoRA (its updates sit beside the frozen base, so several personas share one base).
     *
     * @param rank         LoRA's rank r (alpha is 2r, so the step size does not change with r)
     * @param targets      the projections that get an update ({@link LoraConfig#VALID_TARGETS})
     * @param learningRate peak learning rate (warm-up, then cosine decay to a tenth)
     * @param steps        optimizer steps
     * @param batchSize    examples per step
     * @param seed         the initial values of A and the order of the examples
     */
    public record Recipe(int rank, List<String> targets, float learningRate, long steps, int batchSize, long seed) {
        public Recipe {
            lora(rank, targets, seed);   // checks rank and targets, naming the field
            if (!(learningRate > 0 && learningRate <= 1)) {
                throw new IllegalArgumentException("recipe field 'learningRate' = " + learningRate + " must be above 0 and at most 1");
            }
            if (steps < 1 || batchSize < 1) {
                throw new IllegalArgumentException("recipe fields 'steps' = " + steps + " and 'batchSize' = " + batchSize
                        + " must be at least 1");
            }
            targets = List.copyOf(targets);
        }

        /**
         * Each persona's recipe. All three use rank 16 on every projection (a style changes the wording of whole
         * answers, so every layer may need to move) and the learning rate that suits LoRA in instruction tuning. Steps
         * follow how hard the style is: the bard's archaic English came within 100 steps, the guide's fact and joke
         * need more, the haiku chef's syllable counts most (2,400 steps of 16, about 21 passes over its 1,800
         * examples: 1,200 steps scanned fewer held-out haiku). Each run, evaluation included, takes under 5 minutes on
         * two idle cores (the README's persona section says what was measured and how).
         */
        public static Recipe defaults(Persona persona) {
            return switch (persona) {
                case HAIKU_CHEF -> new Recipe(16, LoraConfig.VALID_TARGETS, 2e-3f, 2400, 16, 1);
                case BARD -> new Recipe(16, LoraConfig.VALID_TARGETS, 2e-3f, 600, 16, 1);
                case MUSEUM_GUIDE -> new Recipe(16, LoraConfig.VALID_TARGETS, 2e-3f, 900, 16, 1);
            };
        }

        /** For a persona of your own data: the middle of the three. */
        public static Recipe forOwnData() {
            return new Recipe(16, LoraConfig.VALID_TARGETS, 2e-3f, 600, 16, 1);
        }

        public Recipe withSteps(long n) {
            return new Recipe(rank, targets, learningRate, n, batchSize, seed);
        }

        public Recipe withBatchSize(int n) {
            return new Recipe(rank, targets, learningRate, steps, n, seed);
        }

        public Recipe withLearningRate(float lr) {
            return new Recipe(rank, targets, lr, steps, batchSize, seed);
        }

        public Recipe withSeed(long s) {
            return new Recipe(rank, targets, learningRate, steps, batchSize, s);
        }

        public LoraConfig lora() {
            return lora(rank, targets, seed);
        }

        private static LoraConfig lora(int rank, List<String> targets, long seed) {
            return new LoraConfig(rank, 2f * rank, 0f, targets, seed);
        }

        /** {@code LoRA r=16 on c_attn, attn.c_proj, c_fc, mlp.c_proj; lr 0.002; 600 steps of 16} */
        public String describe() {
            return "LoRA r=" + rank + " on " + String.join(", ", targets) + "; lr " + learningRate + "; " + steps
                    + " steps of " + batchSize;
        }
    }

    /**
     * A trained persona.
     *
     * @param name         the adapter's name, which is also its folder's name: the persona's id, or your own
     * @param answerTokens how long an answer may get: the longest training response plus {@value #ANSWER_SLACK}
     */
    public record Trained(String name, Lora adapter, Recipe recipe, TrainingResult result, int answerTokens) {
    }

    /** Trains {@code persona} on its committed training split ({@code data/datasets/ID/train.jsonl}). */
    public static Trained train(LanguageModel base, Persona persona, Recipe recipe, List<TrainingListener> listeners) {
        return train(base, persona, persona.folder(), recipe, listeners);
    }

    /** The same with the dataset's folder named (a notebook passes {@code Notebook.file("data/datasets/bard")}). */
    public static Trained train(LanguageModel base, Persona persona, Path dataFolder, Recipe recipe,
                                List<TrainingListener> listeners) {
        return train(base, persona.id(), examples(base, dataFolder.resolve(PersonaData.TRAIN_FILE)), recipe, listeners, null);
    }

    /**
     * Adds a LoRA adapter named {@code name} to {@code base} (freezing the base) and trains it on {@code examples}
     * with the loss on the responses only. With a {@code checkpoint} folder the run saves its state there as it goes
     * and continues from it when started again.
     */
    public static Trained train(LanguageModel base, String name, List<InstructionExample> examples, Recipe recipe,
                                List<TrainingListener> listeners, Path checkpoint) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no training examples for persona '" + name + "'");
        }
        int longest = examples.stream().mapToInt(e -> e.tokens().length).max().orElseThrow();
        // Rows as long as the longest example, not the whole context: the personas' examples are short.
        var batches = new InstructionBatches(examples, recipe.batchSize(), longest - 1, base.tokenizer().endOfTextId(),
                recipe.seed());
        Lora adapter = FineTuning.lora(base.model(), recipe.lora(), name);
        float lr = recipe.learningRate();
        TrainConfig config = TrainConfig.defaults(recipe.steps()).withLearningRate(lr, lr / 10).withSeed(recipe.seed())
                .withEvaluation(0, 0).withCheckpointEvery(checkpoint == null ? 0 : Math.max(1, Math.min(100, recipe.steps() / 5)));
        TrainingResult result;
        try (Trainer trainer = Trainer.builder(base.model()).config(config).train(batches).noValidation().build()) {
            listeners.forEach(trainer::addListener);
            if (checkpoint != null) {
                trainer.checkpointTo(checkpoint);
            }
            result = trainer.fit();
        }
        return new Trained(name, adapter, recipe, result, answerTokens(examples));
    }

    /** Encodes an instruction file with the personas' template; an example longer than the context is refused. */
    public static List<InstructionExample> examples(LanguageModel lm, Path jsonl) {
        return InstructionDataset.load(jsonl, lm.tokenizer(), TEMPLATE, lm.model().config().contextLength(),
                OverLength.REFUSE).examples();
    }

    /** The persona's held-out questions with what its checks need ({@code data/datasets/ID/test.jsonl}). */
    public static List<PersonaExample> heldOut(Persona persona) {
        return heldOut(persona.folder());
    }

    public static List<PersonaExample> heldOut(Path dataFolder) {
        return PersonaData.read(dataFolder.resolve(PersonaData.TEST_FILE));
    }

    /** The longest training response (with its end-of-text token) plus {@value #ANSWER_SLACK}. */
    public static int answerTokens(List<InstructionExample> training) {
        return training.stream().mapToInt(InstructionExample::responseLength).max().orElse(0) + ANSWER_SLACK;
    }

    /**
     * The answer length of the lab's personas, by {@link #answerTokens(List)} on their training splits (longest
     * responses: 34, 86 and 49 tokens; {@code PersonaTuningTest} checks these against the data).
     */
    public static int answerTokens(Persona persona) {
        return switch (persona) {
            case HAIKU_CHEF -> 42;
            case BARD -> 94;
            case MUSEUM_GUIDE -> 57;
        };
    }

    /**
     * How a persona answers: greedy, and to the end of the answer, not of a line (a haiku has three); it stops at the
     * end-of-text token, at a new chat turn, or after {@code answerTokens}.
     */
    public static GenerationConfig answering(int answerTokens) {
        return GenerationConfig.greedy(answerTokens).withStop(TURN_MARKS);
    }

    /** One answer of {@code lm} (with whatever adapter is switched on) to {@code question}. */
    public static String answer(LanguageModel lm, String question, int answerTokens) {
        return lm.generate(TEMPLATE.prompt(question, null), answering(answerTokens)).strip();
    }

    /**
     * An answer a program has checked.
     *
     * @param answer the greedy answer if it passed, else the first sampled answer that passed, else the greedy one
     * @param drawn  sampled answers written after the greedy one (0 when the greedy answer passed)
     * @param passed whether {@code answer} passes the check
     */
    public record Checked(String answer, int drawn, boolean passed) {
    }

    /**
     * Answers, checks, and tries again: the greedy answer when it passes {@code check}, otherwise up to {@code samples}
     * sampled answers (temperature 0.8, the seeds {@code seed}, {@code seed + 1}, ...) until one passes. The model still
     * writes every word; the program only chooses among its answers. A syllable counter can count what a model that
     * sees tokens cannot, at the price of more answers written per question.
     */
    public static Checked answerChecked(LanguageModel lm, String question, int answerTokens, Predicate<String> check,
                                        int samples, long seed) {
        String greedy = answer(lm, question, answerTokens);
        if (check.test(greedy)) {
            return new Checked(greedy, 0, true);
        }
        String prompt = TEMPLATE.prompt(question, null);
        for (int i = 0; i < samples; i++) {
            GenerationConfig sampling = GenerationConfig.sampling(answerTokens, seed + i).withStop(TURN_MARKS);
            String sampled = lm.generate(prompt, sampling).strip();
            if (check.test(sampled)) {
                return new Checked(sampled, i + 1, true);
            }
        }
        return new Checked(greedy, samples, false);
    }

    /**
     * Like {@link #evaluate(LanguageModel, Persona, List, IntConsumer)}, with each answer chosen by
     * {@link #answerChecked} on the persona's check named {@code checkName} (e.g. "form 5-7-5"). The title says how
     * many sampled answers were drawn in all.
     */
    public static Evaluation evaluateChecked(LanguageModel lm, Persona persona, List<PersonaExample> heldOut, String checkName,
                                             int samples, long seed) {
        Check check = PersonaMetrics.checks(persona, Pronunciation.load()).stream().filter(c -> c.name().equals(checkName))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no check '" + checkName + "' for " + persona.id()));
        long start = System.nanoTime();
        List<String> answers = new ArrayList<>();
        int drawn = 0;
        for (PersonaExample e : heldOut) {
            Checked c = answerChecked(lm, e.instruction(), answerTokens(persona), a -> check.test().test(e, a), samples,
                    seed + 1000L * answers.size());
            answers.add(c.answer());
            drawn += c.drawn();
        }
        return new Evaluation(persona.id() + ", checked '" + checkName + "', " + drawn + " answers sampled after "
                + heldOut.size() + " greedy ones", heldOut, answers, PersonaMetrics.rates(persona, heldOut, answers),
                (System.nanoTime() - start) / 1e9);
    }

    /**
     * The answers to a persona's held-out questions and the share that passes each check.
     *
     * @param title    names the evaluation in tables ("bard, base", "bard, tuned")
     * @param answers  one per example, in order
     * @param rates    one row per check: metric, rule, passed, answers, rate ({@link PersonaMetrics#rates})
     */
    public record Evaluation(String title, List<PersonaExample> examples, List<String> answers, Table rates, double seconds) {
        /** The rate of one check, e.g. {@code rate("archaic")}. */
        public double rate(String metric) {
            Table rows = rates.where(rates.stringColumn("metric").isEqualTo(metric));
            if (rows.rowCount() == 0) {
                throw new IllegalArgumentException("no metric '" + metric + "' here; there are "
                        + rates.stringColumn("metric").asList());
            }
            return rows.doubleColumn("rate").get(0);
        }
    }

    /** {@code lm} answers the held-out questions of a lab persona; its two checks score them. */
    public static Evaluation evaluate(LanguageModel lm, Persona persona, List<PersonaExample> heldOut, IntConsumer progress) {
        long start = System.nanoTime();
        List<String> answers = answerAll(lm, heldOut, answerTokens(persona), progress);
        return new Evaluation(persona.id(), heldOut, answers, PersonaMetrics.rates(persona, heldOut, answers),
                (System.nanoTime() - start) / 1e9);
    }

    /** The same with checks of your choice, e.g. {@code StyleChecks.from(training)} for a persona of your own. */
    public static Evaluation evaluate(LanguageModel lm, String name, List<Check> checks, List<PersonaExample> heldOut,
                                      int answerTokens, IntConsumer progress) {
        long start = System.nanoTime();
        List<String> answers = answerAll(lm, heldOut, answerTokens, progress);
        return new Evaluation(name, heldOut, answers, PersonaMetrics.rates(name, checks, heldOut, answers),
                (System.nanoTime() - start) / 1e9);
    }

    private static List<String> answerAll(LanguageModel lm, List<PersonaExample> questions, int answerTokens,
                                          IntConsumer progress) {
        List<String> answers = new ArrayList<>();
        for (PersonaExample e : questions) {
            answers.add(answer(lm, e.instruction(), answerTokens));
            if (progress != null) {
                progress.accept(answers.size());
            }
        }
        return answers;
    }

    /** Each check's rate before and after tuning, side by side. */
    public static Table compare(Evaluation before, Evaluation after) {
        Table b = before.rates();
        if (!b.stringColumn("metric").asList().equals(after.rates().stringColumn("metric").asList())) {
            throw new IllegalArgumentException("the two evaluations have different checks: " + b.stringColumn("metric").asList()
                    + " and " + after.rates().stringColumn("metric").asList());
        }
        return Table.create(after.title() + ": " + b.intColumn("answers").get(0) + " held-out questions",
                b.stringColumn("metric").copy(), b.stringColumn("rule").copy(),
                b.doubleColumn("rate").copy().setName("base"), after.rates().doubleColumn("rate").copy().setName("tuned"));
    }

    /** Saves the adapter under {@code folder/NAME} (see {@link PersonaAdapters}); returns that folder. */
    public static Path save(Trained trained, Path folder) throws IOException {
        return PersonaAdapters.save(trained, folder);
    }

    /** Every persona adapter saved under {@code folder}, on one base: {@code loadAll(lm, folder).answer("bard", q)}. */
    public static PersonaAdapters loadAll(LanguageModel base, Path folder) throws IOException {
        return PersonaAdapters.loadAll(base, folder);
    }

    /** Some of the adapters saved under {@code folder}, by name. */
    public static PersonaAdapters load(LanguageModel base, Path folder, List<String> names) throws IOException {
        return PersonaAdapters.load(base, folder, names);
    }

    /** Names the rates table's columns for a one-line summary: {@code archaic 0.95, couplet rhyme 0.71}. */
    public static String summary(Evaluation evaluation) {
        StringColumn metric = evaluation.rates().stringColumn("metric");
        DoubleColumn rate = evaluation.rates().doubleColumn("rate");
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < metric.size(); i++) {
            parts.add(String.format("%s %.0f%%", metric.get(i), 100 * rate.get(i)));
        }
        return String.join(", ", parts);
    }
}
