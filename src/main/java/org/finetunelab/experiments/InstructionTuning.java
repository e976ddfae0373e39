package org.finetunelab.experiments;

import org.finetunelab.eval.InstructionEval;
import org.finetunelab.model.LanguageModel;
import org.finetunelab.peft.FineTuning;
import org.finetunelab.peft.LoraConfig;
import org.finetunelab.peft.PromptConfig;
import org.finetunelab.text.InstructionDataset;
import org.finetunelab.text.OverLength;
import org.finetunelab.text.PromptTemplate;
import org.finetunelab.text.instructions.InstructionData;
import org.finetunelab.text.instructions.TaskExample;
import org.finetunelab.train.InstructionBatches;
import org.finetunelab.train.TrainConfig;
import org.finetunelab.train.Trainer;
import org.finetunelab.train.TrainingListener;
import org.finetunelab.train.TrainingResult;

import org.finetunelab.stats.Spread;
import org.finetunelab.text.instructions.TaskType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Instruction tuning, the step that turns the completion model into an assistant: the model learns to write the
 * response of each (instruction, response) example, with the loss on the response only.
 * <pre>{@code
 * try (var lm = LanguageModel.load(Path.of("data/models/base"))) {
 *     InstructionTuning.train(lm, InstructionTuning.Method.LORA, InstructionTuning.Settings.defaults(), List.of());
 *     var result = InstructionEval.run(lm, PromptTemplate.CHAT, InstructionTuning.Settings.defaults().heldOut(0), null);
 * }
 * }</pre>
 */
public final class InstructionTuning {
    public static final Path DATA = Path.of("data/datasets/instructions");

    private InstructionTuning() {
    }

    /** How the model is fine-tuned, each with the learning rate that suits it. */
    public enum Method {
        FULL("full fine-tuning", 3e-4f), LORA("LoRA r=8, all projections", 2e-3f), PROMPT("prompt tuning (16)", 3e-2f);

        private final String label;
        private final float learningRate;

        Method(String label, float learningRate) {
            this.label = label;
            this.learningRate = learningRate;
        }

        public String label() {
            return label;
        }

        public float learningRate() {
            return learningRate;
        }

        void apply(LanguageModel lm) {
            switch (this) {
                case FULL -> FineTuning.full(lm.model());
                case LORA -> FineTuning.lora(lm.model(), LoraConfig.allLinear(8));
                case PROMPT -> FineTuning.promptTuning(lm.model(), PromptConfig.fromVocabulary(16));
            }
        }
    }

    /**
     * @param data      the folder with {@code train.jsonl} and {@code test.jsonl}
     * @param steps     optimizer steps
     * @param batchSize examples per step
     * @param seed      data order and new weights
     * @param template  how an instruction is shown to the model (training and answering use the same one)
     */
    public record Settings(Path data, long steps, int batchSize, long seed, PromptTemplate template) {
        /** The lab's instruction data, a path from the repository root (a notebook passes Notebook.file(...)). */
        public static Settings defaults() {
            return new Settings(DATA, 600, 16, 1, PromptTemplate.CHAT);
        }

        public Settings withData(Path folder) {
            return new Settings(folder, steps, batchSize, seed, template);
        }

        public Settings withSteps(long n) {
            return new Settings(data, n, batchSize, seed, template);
        }

        public Settings withSeed(long s) {
            return new Settings(data, steps, batchSize, s, template);
        }

        public List<TaskExample> training() {
            return InstructionData.read(data.resolve(InstructionData.TRAIN_FILE));
        }

        /** The first {@code perTask} held-out examples of each task type (all 20 when perTask is 0): quick runs. */
        public List<TaskExample> heldOut(int perTask) {
            List<TaskExample> all = InstructionData.read(data.resolve(InstructionData.TEST_FILE));
            if (perTask <= 0) {
                return all;
            }
            Map<TaskType, Integer> taken = new EnumMap<>(TaskType.class);
            return all.stream().filter(e -> taken.merge(e.task(), 1, Integer::sum) <= perTask).toList();
        }
    }

    /** Fine-tunes {@code lm} in place on the training split with {@code method}. */
    public static TrainingResult train(LanguageModel lm, Method method, Settings settings, List<TrainingListener> listeners) {
        InstructionDataset data = InstructionDataset.load(settings.data().resolve(InstructionData.TRAIN_FILE), lm.tokenizer(),
                settings.template(), lm.model().config().contextLength(), OverLength.REFUSE);
        int longest = data.examples().stream().mapToInt(e -> e.tokens().length).max().orElse(2);
        // Rows as long as the longest example, not the whole context: most examples are short.
        var batches = new InstructionBatches(data.examples(), settings.batchSize(), longest - 1,
                lm.tokenizer().endOfTextId(), settings.seed());
        method.apply(lm);
        float lr = method.learningRate();
        TrainConfig config = TrainConfig.defaults(settings.steps()).withLearningRate(lr, lr / 10)
                .withSeed(settings.seed()).withEvaluation(0, 0);
        try (Trainer trainer = Trainer.builder(lm.model()).config(config).train(batches).noValidation().build()) {
            listeners.forEach(trainer::addListener);
            return trainer.fit();
        }
    }

    /** What the study tells its caller as it goes (a notebook shows a live chart, the command line a progress bar). */
    public interface Progress {
        Progress NONE = (setting, seed) -> List.of();

        /** Called before each run; returns listeners for its training steps (none for the untrained settings). */
        List<TrainingListener> onRun(String setting, long seed);
    }

    /** One run of the study: a setting, a seed and what it measured. */
    public record Run(String setting, long seed, long trainable, double seconds, InstructionEval.Result result) {
    }

    /**
     * The study of the lessons and the README: the base model answering zero-shot and with three solved examples in
     * its prompt (prompt engineering), then instruction-tuned with each method, every trained setting once per seed;
     * each answers the same held-out examples.
     */
    public static List<Run> study(Path base, Settings settings, List<Method> methods, long[] seeds,
                                  List<TaskExample> test, Progress progress) throws IOException {
        List<Run> runs = new ArrayList<>();
        for (String untrained : List.of("base, zero-shot", "base, 3 examples in the prompt")) {
            progress.onRun(untrained, seeds[0]);
            long start = System.nanoTime();
            try (LanguageModel lm = LanguageModel.load(base)) {
                List<TaskExample> shots = untrained.startsWith("base, 3") ? settings.training() : List.of();
                InstructionEval.Result r = InstructionEval.run(lm, settings.template(), test, shots, null);
                runs.add(new Run(untrained, seeds[0], 0, (System.nanoTime() - start) / 1e9, r));
            }
        }
        for (Method method : methods) {
            for (long seed : seeds) {
                List<TrainingListener> listeners = progress.onRun(method.label(), seed);
                long start = System.nanoTime();
                try (LanguageModel lm = LanguageModel.load(base)) {
                    train(lm, method, settings.withSeed(seed), listeners);
                    long trainable = lm.model().trainableParameterCount();
                    InstructionEval.Result r = InstructionEval.run(lm, settings.template(), test, null);
                    runs.add(new Run(method.label(), seed, trainable, (System.nanoTime() - start) / 1e9, r));
                }
            }
        }
        return runs;
    }

    /** One row per setting: trainable weights, runs, accuracy mean, std, min and max, minutes per run. */
    public static Table summary(List<Run> runs) {
        var setting = StringColumn.create("setting");
        var trainable = LongColumn.create("trainable");
        var count = IntColumn.create("seeds");
        var mean = DoubleColumn.create("accuracy");
        var std = DoubleColumn.create("accuracy std");
        var min = DoubleColumn.create("accuracy min");
        var max = DoubleColumn.create("accuracy max");
        var minutes = DoubleColumn.create("minutes per run");
        Map<String, List<Run>> bySetting = new LinkedHashMap<>();
        runs.forEach(r -> bySetting.computeIfAbsent(r.setting(), k -> new ArrayList<>()).add(r));
        bySetting.forEach((name, list) -> {
            Spread acc = Spread.of(
                    list.stream().mapToDouble(r -> r.result().accuracy()).toArray());
            setting.append(name);
            trainable.append(list.get(0).trainable());
            count.append(list.size());
            mean.append(acc.mean());
            std.append(acc.std());
            min.append(acc.min());
            max.append(acc.max());
            minutes.append(list.stream().mapToDouble(Run::seconds).average().orElse(0) / 60);
        });
        return Table.create("instruction following", setting, trainable, count, mean, std, min, max, minutes);
    }

    /** Accuracy per task type (rows) for each setting (columns), averaged over seeds. */
    public static Table byTask(List<Run> runs) {
        var table = Table.create("accuracy per task type");
        var task = StringColumn.create("task");
        var first = runs.get(0).result().byTask();
        first.stringColumn("task").forEach(task::append);
        table.addColumns(task);
        Map<String, List<Run>> bySetting = new LinkedHashMap<>();
        runs.forEach(r -> bySetting.computeIfAbsent(r.setting(), k -> new ArrayList<>()).add(r));
        bySetting.forEach((name, list) -> {
            var column = DoubleColumn.create(name);
            for (int row = 0; row < task.size(); row++) {
                final int at = row;
                column.append(list.stream().mapToDouble(r -> r.result().byTask().doubleColumn("accuracy").get(at))
                        .average().orElse(Double.NaN));
            }
            table.addColumns(column);
        });
        return table;
    }
}
