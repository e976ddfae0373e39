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

import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Instruction tuning, the step that turns the completion model into an assistant: the model learns to write the
 * response of each (instruction, response) example, with the loss on the response only.
 * <pre>{@code
 * try (var lm = LanguageModel.load(Path.of("data/models/base"))) {
 *     InstructionTuning.train(lm, InstructionTuning.Method.LORA, InstructionTuning.Settings.defaults(), List.of());
 *     var result = InstructionEval.run(lm, PromptTemplate.CHAT, InstructionTuning.heldOut(), null);
 * }
 * }</pre>
 */
public final class InstructionTuning {
    public static final Path DATA = Path.of("data/datasets/instructions");

    private InstructionTuning() {
    }

    /** How the model is fine-tuned, each with the learning rate that suits it. */
    public enum Method {
        FULL(3e-4f), LORA(2e-3f), PROMPT(3e-2f);

        private final float learningRate;

        Method(float learningRate) {
            this.learningRate = learningRate;
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
     * @param steps     optimizer steps
     * @param batchSize examples per step
     * @param seed      data order and dropout
     * @param template  how an instruction is shown to the model (training and answering use the same one)
     */
    public record Settings(long steps, int batchSize, long seed, PromptTemplate template) {
        public static Settings defaults() {
            return new Settings(600, 16, 1, PromptTemplate.CHAT);
        }

        public Settings withSteps(long n) {
            return new Settings(n, batchSize, seed, template);
        }

        public Settings withSeed(long s) {
            return new Settings(steps, batchSize, s, template);
        }
    }

    public static List<TaskExample> training() {
        return InstructionData.read(DATA.resolve(InstructionData.TRAIN_FILE));
    }

    public static List<TaskExample> heldOut() {
        return InstructionData.read(DATA.resolve(InstructionData.TEST_FILE));
    }

    /** Fine-tunes {@code lm} in place on the training split with {@code method}. */
    public static TrainingResult train(LanguageModel lm, Method method, Settings settings, List<TrainingListener> listeners) {
        InstructionDataset data = InstructionDataset.load(DATA.resolve(InstructionData.TRAIN_FILE), lm.tokenizer(),
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

    /** The held-out accuracy of {@code lm} as it is. */
    public static InstructionEval.Result evaluate(LanguageModel lm, Settings settings, IntConsumer progress) {
        return InstructionEval.run(lm, settings.template(), heldOut(), progress);
    }
}
