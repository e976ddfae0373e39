package org.finetunelab.experiments;

import org.finetunelab.eval.Perplexity;
import org.finetunelab.model.GenerationConfig;
import org.finetunelab.model.LanguageModel;
import org.finetunelab.peft.FineTuning;
import org.finetunelab.peft.LoraConfig;
import org.finetunelab.train.StepRecord;
import org.finetunelab.train.TextData;
import org.finetunelab.train.TrainConfig;
import org.finetunelab.train.Trainer;
import org.finetunelab.train.TrainingResult;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * LoRA on a handful of one's own sentences: which targets, rank and number of steps? For each setting and
 * seed it fine-tunes the base model on the texts (a fifth held out, the same fifth for every run) and
 * records the held-out loss before training, at its best and at the end, the training loss at the end, and
 * how many training lines the model recites word for word from their first four words (memorisation).
 * <pre>
 * java -cp "target/classes:target/lib/*" org.finetunelab.experiments.OwnTextStudy data/datasets/pirate-speak/pirate.txt 200 1 2
 * </pre>
 */
public final class OwnTextStudy {
    /** One LoRA setting: where, how wide, how long. */
    public record Setting(String name, LoraConfig lora, int steps) {
    }

    public static final List<Setting> SETTINGS = List.of(
            new Setting("attention r=8", LoraConfig.attention(8), 200),
            new Setting("all linear r=8", LoraConfig.allLinear(8), 200));

    private OwnTextStudy() {
    }

    /** Called after each run with the table, the run's row in it and its training result. */
    public interface Progress {
        void accept(Table table, int row, TrainingResult result);
    }

    public static Table run(Path base, Path texts, List<Setting> settings, List<Long> seeds, Progress progress)
            throws IOException {
        Table table = Table.create("LoRA on " + texts.getFileName(), StringColumn.create("setting"), IntColumn.create("seed"),
                DoubleColumn.create("held-out before"), DoubleColumn.create("best held-out"), IntColumn.create("best step"),
                DoubleColumn.create("held-out at end"), DoubleColumn.create("train loss at end"),
                DoubleColumn.create("lines recited"));
        for (Setting setting : settings) {
            for (long seed : seeds) {
                try (LanguageModel lm = LanguageModel.load(base)) {
                    TextData data = TextData.fromFile(lm.tokenizer(), texts).heldOutShare(0.2).batchSize(8).windowLength(32)
                            .seed(42).build();
                    double before = Perplexity.of(lm.model(), data.heldOutTokens(), 50).loss();
                    FineTuning.lora(lm.model(), setting.lora().withSeed(seed));
                    TrainConfig config = TrainConfig.defaults(setting.steps()).withLearningRate(3e-3f, 3e-4f)
                            .withWarmup(setting.steps() / 10).withEvaluation(10, 8).withSeed(seed);
                    TrainingResult result;
                    // The same held-out fifth for every run; the seed changes LoRA's start and the batches.
                    TextData seeded = TextData.fromTexts(lm.tokenizer(), data.trainTexts()).heldOutTexts(data.heldOutTexts())
                            .batchSize(8).windowLength(32).seed(seed).build();
                    try (Trainer trainer = Trainer.builder(lm.model()).config(config).train(seeded.train())
                            .validation(data.validation()).build()) {
                        result = trainer.fit();
                    }
                    List<StepRecord> records = result.history().records();
                    double trainEnd = records.subList(records.size() - 20, records.size()).stream()
                            .mapToDouble(StepRecord::trainLoss).average().orElse(Double.NaN);
                    table.stringColumn("setting").append(setting.name());
                    table.intColumn("seed").append((int) seed);
                    table.doubleColumn("held-out before").append(before);
                    table.doubleColumn("best held-out").append(result.bestValLoss());
                    table.intColumn("best step").append((int) result.bestStep() + 1);
                    table.doubleColumn("held-out at end").append(records.get(records.size() - 1).valLoss());
                    table.doubleColumn("train loss at end").append(trainEnd);
                    table.doubleColumn("lines recited").append(recited(lm, data.trainTexts()));
                    progress.accept(table, table.rowCount() - 1, result);
                }
            }
        }
        return table;
    }

    /** Share of lines that greedy generation completes word for word from their first four words. */
    public static double recited(LanguageModel lm, List<String> lines) {
        int hits = 0;
        int tried = 0;
        for (String line : lines) {
            String[] words = line.split(" ");
            if (words.length <= 4) {
                continue;
            }
            String prompt = String.join(" ", Arrays.copyOf(words, 4));
            String rest = line.substring(prompt.length());
            tried++;
            if (lm.generate(prompt, GenerationConfig.greedy(40)).strip().equals(rest.strip())) {
                hits++;
            }
        }
        return tried == 0 ? Double.NaN : (double) hits / tried;
    }

    /**
     * Runs {@link #SETTINGS} and prints each run's row and held-out curve as it ends, then the table and a
     * summary. Arguments: the text file, the steps per run (default 200), the seeds (default 1 2).
     */
    public static void main(String[] args) throws IOException {
        Path texts = Path.of(args.length > 0 ? args[0] : "data/datasets/pirate-speak/pirate.txt");
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        List<Long> seeds = args.length > 2 ? Arrays.stream(args, 2, args.length).map(Long::parseLong).toList() : List.of(1L, 2L);
        List<Setting> settings = SETTINGS.stream().map(s -> new Setting(s.name(), s.lora(), steps)).toList();
        Table t = run(Path.of("data/models/base"), texts, settings, seeds, (table, row, result) -> {
            System.out.println(table.row(row));
            StringBuilder curve = new StringBuilder();
            result.history().records().stream().filter(StepRecord::evaluated)
                    .forEach(r -> curve.append(String.format(" %d:%.2f", r.step() + 1, r.valLoss())));
            System.out.println("held-out loss by step:" + curve);
        });
        System.out.println(t.printAll());
        System.out.println(t.summarize(List.of("held-out before", "best held-out", "best step", "held-out at end",
                "train loss at end", "lines recited"), tech.tablesaw.aggregate.AggregateFunctions.mean,
                tech.tablesaw.aggregate.AggregateFunctions.min, tech.tablesaw.aggregate.AggregateFunctions.max)
                .by("setting").printAll());
    }
}
