package org.finetunelab.experiments;

import org.finetunelab.text.corpus.CorpusBuilder;
import org.finetunelab.text.corpus.CorpusConfig;
import org.finetunelab.text.corpus.CorpusProgress;

import java.io.IOException;
import java.nio.file.Path;

/** One corpus build shared by the slow tests of a run (the builder skips when it is up to date). */
final class TestCorpus {
    static final Path CACHE = Path.of("target/test-pretrain");

    private TestCorpus() {
    }

    static Path build() throws IOException {
        Path dir = CACHE.resolve("corpus");
        new CorpusBuilder(CorpusConfig.defaults(), CorpusBuilder.debianSources(), CorpusProgress.NONE).build(dir);
        return dir;
    }
}
