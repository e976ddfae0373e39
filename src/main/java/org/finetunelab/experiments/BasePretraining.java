package org.finetunelab.experiments;

import org.finetunelab.eval.KnowledgeProbe;
import org.finetunelab.eval.Perplexity;
import org.finetunelab.model.Devices;
import org.finetunelab.model.Gpt;
import org.finetunelab.model.GptConfig;
import org.finetunelab.model.ModelFiles;
import org.finetunelab.text.BpeTrainer;
import org.finetunelab.text.BpeTrainingConfig;
import org.finetunelab.text.Tokenizer;
import org.finetunelab.text.corpus.CorpusBuilder;
import org.finetunelab.text.corpus.CorpusConfig;
import org.finetunelab.text.corpus.CorpusProgress;
import org.finetunelab.text.corpus.CorpusStats;
import org.finetunelab.text.corpus.Fact;
import org.finetunelab.text.corpus.KnowledgeSet;
import org.finetunelab.train.BatchSource;
import org.finetunelab.train.MixedBatches;
import org.finetunelab.train.TokenWindows;
import org.finetunelab.train.TrainConfig;
import org.finetunelab.train.Trainer;
import org.finetunelab.train.TrainingListener;
import org.finetunelab.train.TrainingResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The lab's own base model, made from scratch: build the corpus, train a tokenizer, encode, pretrain with
 * checkpoints (stop any time, run again to continue), anneal, then export a model folder with a measured
 * model card. Every stage is skipped when its output already exists, so running it again is cheap.
 *
 * <p>Annealing is a short second phase at a low learning rate in which a quarter of every batch comes from
 * the knowledge facts: the general corpus is 98.7% of the text, so the facts alone would be seen too
 * rarely for a few-million-parameter model to memorise them.
 */
public final class BasePretraining {
    /** The prompts whose continuations the model card shows. */
    public static final List<String> CARD_PROMPTS = List.of("The capital of France is", "Once upon a time",
            "To make bread, you need", "The sun is a", "Question: What is the largest ocean?\nAnswer:");

    /**
     * @param cacheDir        where corpus, tokenizer, token files and checkpoints live (survives rebuilds)
     * @param preset          {@code cpu} (the shipped model), {@code gpu} (larger), or {@code tiny} (tests)
     * @param steps           optimizer steps of the main phase
     * @param annealSteps     optimizer steps of the annealing phase
     * @param checkpointEvery steps between checkpoints
     * @param seed            model and data seed
     */
    public record Settings(Path cacheDir, String preset, long steps, long annealSteps, long checkpointEvery, long seed) {
        public Settings {
            if (!List.of("cpu", "gpu", "tiny").contains(preset)) {
                throw new IllegalArgumentException("unknown preset '" + preset + "': use cpu, gpu or tiny");
            }
        }

        /** The shipped CPU model's recipe, or the GPU one when a GPU is in use. */
        public static Settings defaults(Path cacheDir) {
            boolean gpu = Devices.current().isGpu();
            return new Settings(cacheDir, gpu ? "gpu" : "cpu", gpu ? 20_000 : 8_000, gpu ? 2_000 : 1_500, 250, 1234);
        }

        public int vocabSize() {
            return preset.equals("tiny") ? 512 : 4096;
        }

        public int batchSize() {
            return preset.equals("gpu") ? 32 : 16;
        }

        public GptConfig modelConfig() {
            return switch (preset) {
                case "gpu" -> GptConfig.baseGpu(vocabSize());
                case "tiny" -> new GptConfig(vocabSize(), 64, 64, 2, 2, 4, 0f, true, "gelu", 1e-5f);
                default -> GptConfig.baseCpu(vocabSize());
            };
        }

        public TrainConfig trainConfig() {
            float lr = preset.equals("gpu") ? 6e-4f : 1e-3f;
            return new TrainConfig(steps, lr, lr / 10, Math.min(200, steps / 10), 0.1f, 0.9f, 0.95f, 1.0f, 1,
                    Math.max(1, Math.min(500, steps / 10)), 8, 0, false, checkpointEvery, seed);
        }

        /** Annealing: a tenth of the peak rate, decaying to a hundredth; a quarter of each batch is facts. */
        public TrainConfig annealConfig() {
            float lr = trainConfig().learningRate() / 3;
            return new TrainConfig(annealSteps, lr, lr / 10, Math.min(50, annealSteps / 10), 0.1f, 0.9f, 0.95f, 1.0f, 1,
                    Math.max(1, Math.min(250, annealSteps / 5)), 8, 0, false, checkpointEvery, seed + 1);
        }

        public int knowledgeRows() {
            return batchSize() / 4;
        }

        public Path runDir() {
            return cacheDir.resolve("run-" + preset);
        }
    }

    private final Settings settings;
    private final Consumer<String> log;

    public BasePretraining(Settings settings, Consumer<String> log) {
        this.settings = settings;
        this.log = log;
    }

    public Path corpusDir() {
        return settings.cacheDir().resolve("corpus");
    }

    public Path tokenizerFile() {
        return settings.cacheDir().resolve("tokenizer-" + settings.vocabSize() + ".json");
    }

    /** Stage 1: the general corpus with the knowledge facts mixed in. */
    public CorpusStats buildCorpus(CorpusProgress progress) throws IOException {
        CorpusBuilder builder = new CorpusBuilder(CorpusConfig.defaults(), CorpusBuilder.debianSources(), progress);
        CorpusStats stats = builder.build(corpusDir());
        log.accept(String.format("corpus: %.1f MB train, %.1f MB held out%s", stats.trainBytes() / 1e6,
                stats.validBytes() / 1e6, stats.skipped() ? " (already built)" : ""));
        return stats;
    }

    /** Stage 2: a byte-level BPE tokenizer trained on a sample of the training split. */
    public Path trainTokenizer() throws IOException {
        Path file = tokenizerFile();
        if (Files.isRegularFile(file)) {
            log.accept("tokenizer: " + file + " (already trained)");
            return file;
        }
        long t0 = System.nanoTime();
        BpeTrainingConfig cfg = BpeTrainingConfig.ofVocabSize(settings.vocabSize()).withMaxSampleBytes(3_000_000);
        new BpeTrainer(cfg).train(corpusDir().resolve("train.txt")).save(file);
        log.accept(String.format("tokenizer: %d tokens trained in %.0f s", settings.vocabSize(), (System.nanoTime() - t0) / 1e9));
        return file;
    }

    /** Stage 3: both splits as token files (documents joined by the end-of-text token). */
    public int[] tokens(String split) throws IOException {
        Path file = settings.cacheDir().resolve(split + "-" + settings.vocabSize() + ".tokens");
        if (Files.isRegularFile(file) && Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(tokenizerFile())) > 0) {
            return TokenFile.read(file);
        }
        long t0 = System.nanoTime();
        int[] ids;
        try (Tokenizer tok = Tokenizer.load(tokenizerFile())) {
            ids = CorpusEncoder.encode(tok, corpusDir().resolve(split + ".txt"));
        }
        TokenFile.write(file, ids);
        log.accept(String.format("encoded %s: %,d tokens in %.0f s", split, ids.length, (System.nanoTime() - t0) / 1e9));
        return ids;
    }

    /** Stage 4: pretraining, resumed from the last checkpoint when there is one. */
    public TrainingResult pretrain(List<TrainingListener> listeners) throws IOException {
        int[] train = tokens("train");
        GptConfig config = settings.modelConfig();
        TokenWindows windows = TokenWindows.builder(train).batchSize(settings.batchSize())
                .windowLength(config.contextLength()).seed(settings.seed()).build();
        try (Gpt model = Gpt.create(config, settings.seed(), Devices.current())) {
            log.accept(String.format("model: %,d parameters (%s preset) on %s; %,d training tokens", model.parameterCount(),
                    settings.preset(), Devices.describe(model.device()), train.length));
            return trainPhase(model, settings.trainConfig(), windows, "checkpoint", "final", listeners);
        }
    }

    /** Stage 5: annealing on a mix of facts and general text, starting from the pretrained weights. */
    public TrainingResult anneal(List<TrainingListener> listeners) throws IOException {
        GptConfig config = settings.modelConfig();
        int length = config.contextLength();
        TokenWindows general = TokenWindows.builder(tokens("train")).batchSize(settings.batchSize() - settings.knowledgeRows())
                .windowLength(length).seed(settings.seed() + 1).build();
        TokenWindows facts = TokenWindows.builder(knowledgeTokens()).batchSize(settings.knowledgeRows())
                .windowLength(length).seed(settings.seed() + 2).build();
        try (Gpt model = ModelFiles.load(settings.runDir().resolve("final"), Devices.current())) {
            return trainPhase(model, settings.annealConfig(), new MixedBatches(facts, general), "anneal-checkpoint",
                    "annealed", listeners);
        }
    }

    private TrainingResult trainPhase(Gpt model, TrainConfig config, BatchSource data, String checkpoint, String result,
                                      List<TrainingListener> listeners) throws IOException {
        var validation = TokenWindows.builder(tokens("valid")).batchSize(settings.batchSize())
                .windowLength(model.config().contextLength()).build()
                .sequential(config.evalBatches());
        try (Trainer trainer = Trainer.builder(model).config(config).train(data).validation(validation).build()) {
            listeners.forEach(trainer::addListener);
            TrainingResult r = trainer.checkpointTo(settings.runDir().resolve(checkpoint)).fit();
            if (r.stepsDone() == config.steps()) {
                ModelFiles.save(model, settings.runDir().resolve(result), tokenizerFile());
            }
            return r;
        }
    }

    /** The facts as one token stream: each fact a document, the list reshuffled for each of 50 rounds. */
    private int[] knowledgeTokens() throws IOException {
        List<String> facts = new ArrayList<>(Files.readAllLines(corpusDir().resolve("knowledge.txt"), StandardCharsets.UTF_8));
        facts.removeIf(String::isBlank);
        List<Integer> stream = new ArrayList<>();
        try (Tokenizer tok = Tokenizer.load(tokenizerFile())) {
            List<int[]> encoded = tok.encodeBatch(facts);
            java.util.Random rng = new java.util.Random(settings.seed());
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < encoded.size(); i++) {
                order.add(i);
            }
            for (int round = 0; round < 50; round++) {
                java.util.Collections.shuffle(order, rng);
                for (int i : order) {
                    stream.add(tok.endOfTextId());
                    for (int id : encoded.get(i)) {
                        stream.add(id);
                    }
                }
            }
        }
        return stream.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Stage 6: measures the finished model and writes the shipped folder with its model card. */
    public ModelCard export(Path outDir, Path factsFile, TrainingResult main, TrainingResult annealing) throws IOException {
        Path finalDir = settings.runDir().resolve("annealed");
        int[] valid = tokens("valid");
        int[] train = tokens("train");
        List<Fact> facts = KnowledgeSet.load(factsFile);
        try (Gpt model = ModelFiles.load(finalDir, Devices.current()); Tokenizer tok = Tokenizer.load(tokenizerFile())) {
            ModelCard card = ModelCard.measure(model, tok, valid, facts, settings, train.length, main, annealing);
            ModelFiles.save(model, outDir, tokenizerFile(), java.util.Map.of(ModelCard.MARKDOWN, card.markdown(),
                    ModelCard.JSON, card.json()));
            log.accept("exported " + outDir + ": held-out perplexity " + String.format("%.2f", card.heldOutPerplexity())
                    + ", probe accuracy " + String.format("%.1f%%", 100 * card.probeAccuracy()));
            return card;
        }
    }

    public Settings settings() {
        return settings;
    }
}
