package org.finetunelab.cli;

import org.finetunelab.eval.KnowledgeProbe;
import org.finetunelab.eval.Perplexity;
import org.finetunelab.experiments.CorpusEncoder;
import org.finetunelab.experiments.ModelCard;
import org.finetunelab.model.Gpt;
import org.finetunelab.model.LanguageModel;
import org.finetunelab.results.Provenance;
import org.finetunelab.results.ReadmeResults;
import org.finetunelab.results.ResultsFile;
import org.finetunelab.text.Tokenizer;
import org.finetunelab.text.corpus.CorpusConfig;
import org.finetunelab.text.corpus.KnowledgeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

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

    @Option(names = "--results", paramLabel = "FILE", description = "also write the figures as a results file (command,"
            + " date, code version, machine and load in its header), e.g. docs/results/base-model.csv")
    Path results;

    @Override
    public Integer call() throws Exception {
        OptionCheck.existingFile(facts, "--facts");
        OptionCheck.between(windows, 1, 1_000_000, "--windows", "");
        if (text != null) {
            OptionCheck.existingFile(text, "--text");
        }
        OptionCheck.notAFolder(results, "--results");
        PrintWriter out = spec.commandLine().getOut();
        Provenance provenance = Provenance.start("./lab finetune " + String.join(" ",
                spec.commandLine().getParseResult().originalArgs()));
        Table figures = Table.create("base model", StringColumn.create(ReadmeResults.MEASURE),
                DoubleColumn.create(ReadmeResults.VALUE));
        try (LanguageModel lm = model.load()) {
            Gpt gpt = lm.model();
            Tokenizer tok = lm.tokenizer();
            KnowledgeProbe.Result probe = KnowledgeProbe.run(gpt, tok, KnowledgeSet.load(facts));
            out.printf("knowledge probe: %.1f%% of %d facts (chance 25%%)%n", 100 * probe.accuracy(),
                    probe.details().rowCount());
            out.println(TableText.of(probe.byTopic()));
            out.flush();
            add(figures, ReadmeResults.PROBE_ACCURACY, probe.accuracy());
            add(figures, ReadmeResults.PROBE_FACTS, probe.details().rowCount());
            Path held = text != null ? text : heldOutText(out);
            Perplexity.Result ppl = Perplexity.of(gpt, CorpusEncoder.encode(tok, held), windows);
            out.printf("held-out loss %.4f nats/token, perplexity %.2f (%,d tokens of %s)%n", ppl.loss(),
                    ppl.perplexity(), ppl.tokens(), held);
            add(figures, ReadmeResults.PERPLEXITY, ppl.perplexity());
            add(figures, ReadmeResults.HELD_OUT_LOSS, ppl.loss());
            add(figures, ReadmeResults.HELD_OUT_TOKENS, ppl.tokens());
        }
        if (results != null) {
            ResultsFile.write(results, provenance.finish(), figures);
            out.println("results written to " + results);
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

    private static void add(Table t, String measure, double value) {
        t.stringColumn(ReadmeResults.MEASURE).append(measure);
        t.doubleColumn(ReadmeResults.VALUE).append(value);
    }
}
