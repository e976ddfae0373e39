package org.finetunelab.cli;

import org.finetunelab.eval.KnowledgeProbe;
import org.finetunelab.eval.Perplexity;
import org.finetunelab.experiments.CorpusEncoder;
import org.finetunelab.experiments.ModelCard;
import org.finetunelab.model.Gpt;
import org.finetunelab.model.LanguageModel;
import org.finetunelab.text.Tokenizer;
import org.finetunelab.text.corpus.CorpusConfig;
import org.finetunelab.text.corpus.KnowledgeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Measure a model: knowledge-probe accuracy and perplexity on a held-out text.",
                "Without --text, the held-out split of the pretraining corpus is used; it is built the first time",
                "(about 10 seconds) into the cache folder, where corpus and pretrain keep it too."})
final class EvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Option(names = "--facts", paramLabel = "FILE", defaultValue = "data/datasets/knowledge/facts.jsonl",
            description = "knowledge facts to probe (default: ${DEFAULT-VALUE})")
    Path facts;

    @Option(names = "--text", paramLabel = "FILE", description = "held-out text for perplexity; documents separated by <|endoftext|> lines (default: the pretraining corpus's valid.txt)")
    Path text;

    @Option(names = "--cache", paramLabel = "DIR", description = "work folder holding corpus/valid.txt (default: $FINETUNE_CACHE or ~/.cache/finetune-lab)")
    Path cache;

    @Option(names = "--windows", defaultValue = "" + ModelCard.HELD_OUT_WINDOWS,
            description = "context windows of text to score at most; the model card uses ${DEFAULT-VALUE} (default: ${DEFAULT-VALUE})")
    int windows;

    @Override
    public Integer call() throws Exception {
        OptionCheck.existingFile(facts, "--facts");
        OptionCheck.between(windows, 1, 1_000_000, "--windows", "");
        if (text != null) {
            OptionCheck.existingFile(text, "--text");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (LanguageModel lm = model.load()) {
            Gpt gpt = lm.model();
            Tokenizer tok = lm.tokenizer();
            KnowledgeProbe.Result probe = KnowledgeProbe.run(gpt, tok, KnowledgeSet.load(facts));
            out.printf("knowledge probe: %.1f%% of %d facts (chance 25%%)%n", 100 * probe.accuracy(),
                    probe.details().rowCount());
            out.println(TableText.of(probe.byTopic()));
            out.flush();
            Path held = text != null ? text : heldOutText(out);
            Perplexity.Result ppl = Perplexity.of(gpt, CorpusEncoder.encode(tok, held), windows);
            out.printf("held-out loss %.4f nats/token, perplexity %.2f (%,d tokens of %s)%n", ppl.loss(),
                    ppl.perplexity(), ppl.tokens(), held);
        }
        out.flush();
        return 0;
    }

    /** The corpus's held-out split, built on first use with the same settings as pretraining's. */
    private Path heldOutText(PrintWriter out) throws IOException {
        Path corpus = CacheFolder.corpus(cache);
        Path valid = corpus.resolve("valid.txt");
        if (!Files.isRegularFile(valid)) {
            out.println("building the held-out text once (about 10 seconds) into " + corpus + " ...");
            out.flush();
            CorpusCommand.build(CorpusConfig.defaults(), corpus);
        }
        return valid;
    }
}
