package org.finetunelab.cli;

import org.finetunelab.eval.KnowledgeProbe;
import org.finetunelab.eval.Perplexity;
import org.finetunelab.experiments.CorpusEncoder;
import org.finetunelab.model.Gpt;
import org.finetunelab.model.LanguageModel;
import org.finetunelab.results.Provenance;
import org.finetunelab.results.ReadmeResults;
import org.finetunelab.results.ResultsFile;
import org.finetunelab.text.Tokenizer;
import org.finetunelab.text.corpus.KnowledgeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Measure a model: knowledge-probe accuracy and perplexity on a held-out text.")
final class EvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Option(names = "--facts", paramLabel = "FILE", defaultValue = "data/datasets/knowledge/facts.jsonl",
            description = "knowledge facts to probe (default: ${DEFAULT-VALUE})")
    Path facts;

    @Option(names = "--text", paramLabel = "FILE", description = "held-out text for perplexity; documents separated by <|endoftext|> lines (default: the pretraining corpus's valid.txt in the cache, when present)")
    Path text;

    @Option(names = "--windows", defaultValue = "1024", description = "context windows of text to score at most (default: ${DEFAULT-VALUE})")
    int windows;

    @Option(names = "--results", paramLabel = "FILE", description = "also write the figures as a results file (command,"
            + " date, code version, machine and load in its header), e.g. docs/results/base-model.csv")
    Path results;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Provenance provenance = Provenance.start("./lab finetune " + String.join(" ",
                spec.commandLine().getParseResult().originalArgs()));
        Path held = text != null ? text : CacheFolder.get().resolve("corpus/valid.txt");
        if (results != null && !Files.isRegularFile(held)) {
            throw new IllegalArgumentException("--results needs the held-out text for perplexity, and " + held
                    + " does not exist: pass --text FILE (./lab finetune corpus --out DIR builds DIR/valid.txt)");
        }
        Table figures = Table.create("base model", StringColumn.create(ReadmeResults.MEASURE),
                DoubleColumn.create(ReadmeResults.VALUE));
        try (LanguageModel lm = model.load()) {
            Gpt gpt = lm.model();
            Tokenizer tok = lm.tokenizer();
            KnowledgeProbe.Result probe = KnowledgeProbe.run(gpt, tok, KnowledgeSet.load(facts));
            out.printf("knowledge probe: %.1f%% of %d facts (chance 25%%)%n", 100 * probe.accuracy(),
                    probe.details().rowCount());
            out.println(probe.byTopic().printAll());
            add(figures, ReadmeResults.PROBE_ACCURACY, probe.accuracy());
            add(figures, ReadmeResults.PROBE_FACTS, probe.details().rowCount());
            if (Files.isRegularFile(held)) {
                Perplexity.Result ppl = Perplexity.of(gpt, CorpusEncoder.encode(tok, held), windows);
                out.printf("held-out loss %.4f nats/token, perplexity %.2f (%,d tokens of %s)%n", ppl.loss(),
                        ppl.perplexity(), ppl.tokens(), held);
                add(figures, ReadmeResults.PERPLEXITY, ppl.perplexity());
                add(figures, ReadmeResults.HELD_OUT_LOSS, ppl.loss());
                add(figures, ReadmeResults.HELD_OUT_TOKENS, ppl.tokens());
            } else {
                out.println("no held-out text: pass --text FILE (or build the corpus with 'finetune pretrain').");
            }
        }
        if (results != null) {
            ResultsFile.write(results, provenance.finish(), figures);
            out.println("results written to " + results);
        }
        out.flush();
        return 0;
    }

    private static void add(Table t, String measure, double value) {
        t.stringColumn(ReadmeResults.MEASURE).append(measure);
        t.doubleColumn(ReadmeResults.VALUE).append(value);
    }
}
