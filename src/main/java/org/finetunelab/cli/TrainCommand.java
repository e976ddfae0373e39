package org.finetunelab.cli;

import org.finetunelab.io.AtomicFiles;
import org.finetunelab.model.Gpt;
import org.finetunelab.model.LanguageModel;
import org.finetunelab.model.ModelFiles;
import org.finetunelab.peft.AdapterConfig;
import org.finetunelab.peft.FineTuning;
import org.finetunelab.peft.FineTuningMethod;
import org.finetunelab.peft.Ia3Config;
import org.finetunelab.peft.LoraConfig;
import org.finetunelab.peft.PrefixConfig;
import org.finetunelab.peft.PromptConfig;
import org.finetunelab.text.DatasetException;
import org.finetunelab.text.InstructionDataset;
import org.finetunelab.text.OverLength;
import org.finetunelab.text.PreferenceExample;
import org.finetunelab.text.PromptTemplate;
import org.finetunelab.train.BatchSource;
import org.finetunelab.train.Dpo;
import org.finetunelab.train.InstructionBatches;
import org.finetunelab.train.PairBatches;
import org.finetunelab.train.TextData;
import org.finetunelab.train.TrainConfig;
import org.finetunelab.train.Trainer;
import org.finetunelab.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Fine-tune a model on your own file and save the model or adapter.",
                "--task text reads a .txt (one text per line) or .jsonl (field text) file; instruct reads JSON Lines",
                "with instruction and response (and optionally input); dpo reads JSON Lines with instruction, chosen",
                "and rejected. Run the same command again to continue an interrupted run from its checkpoint."})
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Option(names = "--task", defaultValue = "instruct", description = "text, instruct or dpo (default: ${DEFAULT-VALUE})")
    String task;

    @Option(names = "--method", defaultValue = "lora",
            description = "full, lora, adapters, prompt, prefix or ia3 (default: ${DEFAULT-VALUE})")
    String method;

    @Option(names = "--data", paramLabel = "FILE", required = true, description = "your training file")
    Path data;

    @Option(names = "--template", defaultValue = "chat",
            description = "how instructions are shown to the model: chat or instruction (default: ${DEFAULT-VALUE})")
    String template;

    @Option(names = "--steps", defaultValue = "300", description = "optimizer steps (default: ${DEFAULT-VALUE})")
    long steps;

    @Option(names = "--batch-size", defaultValue = "16", description = "examples per step (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--lr", description = "peak learning rate (default: the method's: full 3e-4, lora and adapters "
            + "2e-3, prefix and ia3 1e-2, prompt 3e-2; dpo a tenth of that)")
    Float learningRate;

    @Option(names = "--rank", defaultValue = "8", description = "LoRA rank, on all four projections (default: ${DEFAULT-VALUE})")
    int rank;

    @Option(names = "--beta", defaultValue = "0.1", description = "DPO's beta: how far the model may move from where it started (default: ${DEFAULT-VALUE})")
    float beta;

    @Option(names = "--over-length", defaultValue = "refuse",
            description = "an instruction example longer than the context: refuse (stop with its line) or truncate (default: ${DEFAULT-VALUE})")
    String overLength;

    @Option(names = "--seed", defaultValue = "42", description = "data order and new weights (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "where the trained model or adapter goes")
    Path out;

    static final Map<String, Float> LEARNING_RATES = Map.of("full", 3e-4f, "lora", 2e-3f, "adapters", 2e-3f,
            "prefix", 1e-2f, "ia3", 1e-2f, "prompt", 3e-2f);

    @Override
    public Integer call() throws Exception {
        check();
        PrintWriter console = spec.commandLine().getOut();
        Path checkpoint = checkpointFolder(out);
        if (Files.exists(out) && !Files.isDirectory(checkpoint)) {
            throw new IllegalArgumentException("--out " + out + " already exists and holds no unfinished run: choose "
                    + "another folder (nothing was overwritten)");
        }
        PromptTemplate prompts = PromptTemplate.named(template);
        try (LanguageModel lm = model.load(); LanguageModel reference = task.equals("dpo") ? model.load() : null) {
            Gpt gpt = lm.model();
            BatchSource batches;
            List<org.finetunelab.train.Batch> validation = List.of();
            int context = gpt.config().contextLength();
            switch (task) {
                case "text" -> {
                    TextData text = TextData.fromFile(lm.tokenizer(), data).heldOutShare(0.1).batchSize(batchSize)
                            .windowLength(Math.min(64, context)).seed(seed).build();
                    batches = text.train();
                    validation = text.validation();
                }
                case "instruct" -> {
                    InstructionDataset set = instructions(lm, prompts, context);
                    set.warnings().forEach(w -> console.println("note: " + w));
                    int longest = set.examples().stream().mapToInt(e -> e.tokens().length).max().orElse(2);
                    batches = new InstructionBatches(set.examples(), batchSize, longest - 1, lm.tokenizer().endOfTextId(), seed);
                }
                default -> {
                    List<PairBatches.Encoded> pairs = PairBatches.encode(PreferenceExample.load(data), lm.tokenizer(),
                            prompts, context);
                    batches = new PairBatches(pairs, Math.max(1, batchSize / 2), PairBatches.lengthFor(pairs),
                            lm.tokenizer().endOfTextId(), seed);
                }
            }
            FineTuningMethod handle = apply(gpt);
            float lr = learningRate != null ? learningRate : LEARNING_RATES.get(method) / (task.equals("dpo") ? 10 : 1);
            TrainConfig config = TrainConfig.defaults(steps).withLearningRate(lr, lr / 10).withSeed(seed)
                    .withEvaluation(validation.isEmpty() ? 0 : Math.max(1, steps / 10), validation.size())
                    .withCheckpointEvery(Math.max(1, Math.min(100, steps / 5)));
            console.printf("%s on %s: %s, %,d trainable weights (%.2f%%), %d steps%n", task, data, method,
                    gpt.trainableParameterCount(), 100.0 * gpt.trainableParameterCount() / gpt.parameterCount(), steps);
            console.flush();
            Trainer.Builder builder = Trainer.builder(gpt).config(config).train(batches);
            builder = validation.isEmpty() ? builder.noValidation() : builder.validation(validation);
            if (task.equals("dpo")) {
                builder.objective(new Dpo(reference.model(), beta));
            }
            TrainingResult result;
            try (Trainer trainer = builder.build()) {
                trainer.addListener(new ProgressBarListener(task + " " + method)).checkpointTo(checkpoint);
                result = trainer.fit();
            }
            if (result.stepsDone() < steps) {
                console.printf("stopped after %d of %d steps: run the same command again to continue%n", result.stepsDone(), steps);
                return 1;
            }
            save(lm, handle);
            AtomicFiles.deleteRecursively(checkpoint);
            console.printf("trained %d steps, final loss %.3f%s; saved to %s%n", result.stepsDone(), result.finalTrainLoss(),
                    Double.isNaN(result.bestValLoss()) ? "" : String.format(", best held-out loss %.3f", result.bestValLoss()), out);
            console.printf("try it: ./lab finetune chat %s%n", method.equals("full") ? "-m " + out : "--adapter " + out);
        }
        console.flush();
        return 0;
    }

    private void check() {
        if (!List.of("text", "instruct", "dpo").contains(task)) {
            throw new IllegalArgumentException("--task must be text, instruct or dpo, got '" + task + "'");
        }
        if (!LEARNING_RATES.containsKey(method)) {
            throw new IllegalArgumentException("--method must be one of full, lora, adapters, prompt, prefix, ia3; got '"
                    + method + "'");
        }
        if (!List.of("refuse", "truncate").contains(overLength)) {
            throw new IllegalArgumentException("--over-length must be refuse or truncate, got '" + overLength + "'");
        }
        if (!List.of("chat", "instruction").contains(template)) {
            throw new IllegalArgumentException("--template must be chat or instruction, got '" + template + "'");
        }
        OptionCheck.existingFile(data, "--data");
        OptionCheck.atLeast(steps, 1, "--steps");
        OptionCheck.between(batchSize, 1, 1024, "--batch-size", "");
        OptionCheck.between(rank, 1, 256, "--rank", "");
        if (learningRate != null && !(learningRate > 0 && learningRate <= 1)) {
            throw new IllegalArgumentException("--lr must be above 0 and at most 1, got " + learningRate);
        }
        OptionCheck.between(beta, 0.001f, 100f, "--beta", "");
        if (Files.isRegularFile(out)) {
            throw new IllegalArgumentException("--out " + out + " is a file; give a folder");
        }
    }

    private InstructionDataset instructions(LanguageModel lm, PromptTemplate prompts, int context) {
        try {
            return InstructionDataset.load(data, lm.tokenizer(), prompts, context,
                    OverLength.valueOf(overLength.toUpperCase(Locale.ROOT)));
        } catch (DatasetException e) {
            // The library names its own option; on the command line it is --over-length.
            throw new IllegalArgumentException(e.getMessage().replace("load with OverLength.TRUNCATE", "pass --over-length truncate"));
        }
    }

    private FineTuningMethod apply(Gpt gpt) {
        return switch (method) {
            case "full" -> {
                FineTuning.full(gpt);
                yield null;
            }
            case "lora" -> FineTuning.lora(gpt, LoraConfig.allLinear(rank));
            case "adapters" -> FineTuning.adapters(gpt, AdapterConfig.of(16));
            case "prompt" -> FineTuning.promptTuning(gpt, PromptConfig.fromVocabulary(16));
            case "prefix" -> FineTuning.prefixTuning(gpt, PrefixConfig.of(8));
            default -> FineTuning.ia3(gpt, Ia3Config.standard());
        };
    }

    /** The whole model for full fine-tuning; otherwise only the method's own weights, beside a note of the base. */
    private void save(LanguageModel lm, FineTuningMethod handle) throws java.io.IOException {
        if (handle == null) {
            ModelFiles.save(lm.model(), out, lm.tokenizer().source());
        } else {
            handle.save(out);
        }
        new TrainedFolder(model.model.toString(), template, task, method, steps).writeTo(out);
    }

    /** Beside the output folder, so that saving the finished model (which replaces the folder) cannot touch it. */
    static Path checkpointFolder(Path out) {
        Path abs = out.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + ".checkpoint");
    }
}
