package org.finetunelab.experiments;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import org.finetunelab.eval.KnowledgeProbe;
import org.finetunelab.eval.Perplexity;
import org.finetunelab.model.Devices;
import org.finetunelab.model.GenerationConfig;
import org.finetunelab.model.LanguageModel;
import org.finetunelab.model.Gpt;
import org.finetunelab.model.GptConfig;
import org.finetunelab.text.Tokenizer;
import org.finetunelab.text.corpus.Fact;
import org.finetunelab.train.StepRecord;
import org.finetunelab.train.TrainingResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The measured facts about a pretrained model, written as {@code MODEL_CARD.md} for people and
 * {@code model_card.json} for the test that checks the shipped model still reproduces them.
 */
public record ModelCard(String preset, GptConfig config, long parameters, long corpusTrainTokens, long heldOutTokens,
                        long steps, long annealSteps, long tokensSeen, double trainingSeconds, String device,
                        double finalTrainLoss,
                        double heldOutLoss, double heldOutPerplexity, double probeAccuracy, int probeFacts,
                        List<Sample> samples) {
    public static final String MARKDOWN = "MODEL_CARD.md";
    public static final String JSON = "model_card.json";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    /** A prompt and what the model wrote after it. */
    public record Sample(String prompt, String greedy, String sampled) {
    }

    /** Held-out loss is measured on up to this many context windows of the validation split. */
    public static final int HELD_OUT_WINDOWS = 1024;

    static ModelCard measure(Gpt model, Tokenizer tok, int[] valid, List<Fact> facts, BasePretraining.Settings settings,
                             long trainTokens, TrainingResult main, TrainingResult annealing) {
        Perplexity.Result ppl = Perplexity.of(model, valid, HELD_OUT_WINDOWS);
        KnowledgeProbe.Result probe = KnowledgeProbe.run(model, tok, facts);
        List<Sample> samples = new ArrayList<>();
        LanguageModel lm = new LanguageModel(model, tok);   // a view, not closed: the caller owns model and tokenizer
        for (String prompt : BasePretraining.CARD_PROMPTS) {
            samples.add(new Sample(prompt, lm.generate(prompt, GenerationConfig.greedy(30)),
                    lm.generate(prompt, GenerationConfig.sampling(30, 1))));
        }
        double seconds = 0;
        for (TrainingResult phase : List.of(main, annealing)) {
            for (StepRecord r : phase.history().records()) {
                seconds += settings.batchSize() * (double) model.config().contextLength() / r.tokensPerSecond();
            }
        }
        long steps = main.stepsDone() + annealing.stepsDone();
        long tokensSeen = steps * settings.batchSize() * (long) model.config().contextLength();
        return new ModelCard(settings.preset(), model.config(), model.parameterCount(), trainTokens, ppl.tokens(),
                main.stepsDone(), annealing.stepsDone(), tokensSeen, seconds, Devices.describe(model.device()),
                annealing.finalTrainLoss(),
                ppl.loss(), ppl.perplexity(), probe.accuracy(), facts.size(), samples);
    }

    public String json() {
        return GSON.toJson(this);
    }

    public static ModelCard read(Path modelDir) throws IOException {
        return GSON.fromJson(Files.readString(modelDir.resolve(JSON), StandardCharsets.UTF_8), ModelCard.class);
    }

    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# FineTune Lab base model (").append(preset).append(" preset)\n\n");
        md.append("A small GPT pretrained from scratch by `./lab finetune pretrain` on text from Debian's free\n")
                .append("packages (see `data/datasets/general-corpus/README.md`) with the lab's knowledge facts\n")
                .append("(`data/datasets/knowledge/`) mixed in. It is a **completion model**, not an assistant: it\n")
                .append("continues text; asked a question, it writes more text rather than answering.\n\n");
        md.append("## Architecture\n\n");
        md.append(String.format("| parameters | vocabulary | context | width | layers | heads |%n| --- | --- | --- | --- | --- | --- |%n"));
        md.append(String.format("| %,d | %,d | %d | %d | %d | %d |%n%n", parameters, config.vocabSize(),
                config.contextLength(), config.dModel(), config.nLayers(), config.nHeads()));
        md.append("## Training\n\n");
        md.append(String.format("- corpus: %,d training tokens (byte-level BPE, %,d-token vocabulary)%n", corpusTrainTokens, config.vocabSize()));
        md.append(String.format("- steps: %,d of pretraining, then %,d of annealing (a quarter of each batch from the knowledge%n"
                + "  facts, learning rate a third of the peak, decaying to a thirtieth); batches of %,d tokens, %,d tokens seen%n",
                steps, annealSteps, tokensSeen / Math.max(1, steps + annealSteps), tokensSeen));
        md.append(String.format("- training time: %.1f hours on %s%n", trainingSeconds / 3600, device));
        md.append(String.format("- final training loss: %.3f%n%n", finalTrainLoss));
        md.append("## Measured\n\n");
        md.append("| measure | value |\n| --- | --- |\n");
        md.append(String.format("| held-out loss (nats/token, %,d tokens) | %.4f |%n", heldOutTokens, heldOutLoss));
        md.append(String.format("| held-out perplexity | %.2f |%n", heldOutPerplexity));
        md.append(String.format("| knowledge probe accuracy (%d facts, 4 choices, chance 25%%) | %.1f%% |%n%n", probeFacts, 100 * probeAccuracy));
        md.append("Re-measure with `./lab finetune eval --model data/models/base`.\n\n");
        md.append("## Samples\n\nGreedy decoding and sampling (temperature 0.8, top-k 40, top-p 0.95, seed 1), 30 new tokens.\n\n");
        for (Sample s : samples) {
            md.append("**").append(s.prompt().replace("\n", "⏎")).append("**\n\n");
            md.append("- greedy: ").append(quote(s.greedy())).append('\n');
            md.append("- sampled: ").append(quote(s.sampled())).append("\n\n");
        }
        return md.toString();
    }

    private static String quote(String s) {
        return "`" + s.replace("\n", "⏎").replace("`", "'") + "`";
    }
}
