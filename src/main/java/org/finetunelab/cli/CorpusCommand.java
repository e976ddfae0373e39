package org.finetunelab.cli;

import me.tongfei.progressbar.ProgressBar;
import org.finetunelab.text.corpus.CorpusBuilder;
import org.finetunelab.text.corpus.CorpusConfig;
import org.finetunelab.text.corpus.CorpusStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "corpus", mixinStandardHelpOptions = true,
        description = {"Build the pretraining corpus from Debian's free text packages (see",
                "data/datasets/general-corpus/README.md). Skipped when the output is already up to date."})
final class CorpusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/corpus", description = "output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--facts", paramLabel = "FILE", defaultValue = "data/datasets/knowledge/facts.jsonl",
            description = "knowledge facts to mix into the training split (default: ${DEFAULT-VALUE})")
    Path facts;

    @Option(names = "--repeats", defaultValue = "40", description = "copies of each fact in the training split (default: ${DEFAULT-VALUE})")
    int repeats;

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        CorpusConfig config = CorpusConfig.defaults().withKnowledgeFile(facts).withKnowledgeRepeats(repeats);
        CorpusStats stats;
        try (ProgressBar bar = new ProgressBar("corpus", 1)) {
            stats = new CorpusBuilder(config, CorpusBuilder.debianSources(), (stage, step, total) -> {
                bar.maxHint(total);
                bar.stepTo(step);
                bar.setExtraMessage(" " + stage);
            }).build(out);
        }
        console.printf("%s: %.1f MB train, %.1f MB held out, %,d duplicates removed%s%n", out, stats.trainBytes() / 1e6,
                stats.validBytes() / 1e6, stats.duplicatesRemoved(), stats.skipped() ? " (already up to date)" : "");
        for (CorpusStats.SourceStats s : stats.sources()) {
            console.printf("  %-10s %-16s %,9d documents %,12d bytes%n", s.name(), s.debianPackage(), s.documents(), s.bytes());
        }
        console.flush();
        return 0;
    }
}
