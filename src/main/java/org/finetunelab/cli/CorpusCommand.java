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
        description = {"Build the pretraining corpus from Debian's free text packages.",
                "See data/datasets/general-corpus/README.md for the sources. Skipped when the output is already",
                "up to date; pretrain and eval read the corpus from the same place."})
final class CorpusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--cache", paramLabel = "DIR", description = "work folder; the corpus goes into its corpus/ folder (default: $FINETUNE_CACHE or ~/.cache/finetune-lab)")
    Path cache;

    @Option(names = "--out", paramLabel = "DIR", description = "write the corpus to this folder instead")
    Path out;

    @Option(names = "--facts", paramLabel = "FILE", defaultValue = "data/datasets/knowledge/facts.jsonl",
            description = "knowledge facts to mix into the training split (default: ${DEFAULT-VALUE})")
    Path facts;

    @Option(names = "--repeats", defaultValue = "40", description = "copies of each fact in the training split (default: ${DEFAULT-VALUE})")
    int repeats;

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        OptionCheck.existingFile(facts, "--facts");
        OptionCheck.atLeast(repeats, 0, "--repeats");
        Path folder = out != null ? out : CacheFolder.corpus(cache);
        CorpusStats stats = build(CorpusConfig.defaults().withKnowledgeFile(facts).withKnowledgeRepeats(repeats), folder);
        console.printf("%s: %.1f MB train, %.1f MB held out, %,d duplicates removed%s%n", folder, stats.trainBytes() / 1e6,
                stats.validBytes() / 1e6, stats.duplicatesRemoved(), stats.skipped() ? " (already up to date)" : "");
        for (CorpusStats.SourceStats s : stats.sources()) {
            console.printf("  %-10s %-16s %,9d documents %,12d bytes%n", s.name(), s.debianPackage(), s.documents(), s.bytes());
        }
        console.flush();
        return 0;
    }

    /** Builds (or finds up to date) the corpus in {@code folder}, with a progress bar. */
    static CorpusStats build(CorpusConfig config, Path folder) throws java.io.IOException {
        try (ProgressBar bar = new ProgressBar("corpus", 1)) {
            return new CorpusBuilder(config, CorpusBuilder.debianSources(), (stage, step, total) -> {
                bar.maxHint(total);
                bar.stepTo(step);
                bar.setExtraMessage(" " + stage);
            }).build(folder);
        }
    }
}
