package org.finetunelab.text.corpus;

import java.nio.file.Path;

/**
 * How the corpus is assembled.
 *
 * @param knowledgeFile    the facts mixed into the training split, or null for none
 * @param knowledgeRepeats how many times each fact is repeated in the training split
 * @param seed             seed of the shuffle that places documents and facts
 * @param validFraction    share of documents held out for validation
 */
public record CorpusConfig(Path knowledgeFile, int knowledgeRepeats, long seed, double validFraction) {
    /** Where the project keeps its facts, relative to the repository root. */
    public static final Path DEFAULT_KNOWLEDGE_FILE = Path.of("data/datasets/knowledge/facts.jsonl");

    public CorpusConfig {
        if (knowledgeRepeats < 0) {
            throw new IllegalArgumentException("knowledgeRepeats must be >= 0, got " + knowledgeRepeats);
        }
        if (!(validFraction >= 0 && validFraction < 1)) {
            throw new IllegalArgumentException("validFraction must be in [0, 1), got " + validFraction);
        }
    }

    /** The project's facts repeated 40 times, seed 42, 2% held out. */
    public static CorpusConfig defaults() {
        return new CorpusConfig(DEFAULT_KNOWLEDGE_FILE, 40, 42L, 0.02);
    }

    public CorpusConfig withKnowledgeFile(Path file) {
        return new CorpusConfig(file, knowledgeRepeats, seed, validFraction);
    }

    public CorpusConfig withKnowledgeRepeats(int repeats) {
        return new CorpusConfig(knowledgeFile, repeats, seed, validFraction);
    }

    public CorpusConfig withSeed(long newSeed) {
        return new CorpusConfig(knowledgeFile, knowledgeRepeats, newSeed, validFraction);
    }

    public CorpusConfig withValidFraction(double fraction) {
        return new CorpusConfig(knowledgeFile, knowledgeRepeats, seed, fraction);
    }
}
