package org.finetunelab.text.corpus;

import java.util.List;

/**
 * What a build produced; also written to {@code stats.json} beside the corpus.
 *
 * @param fingerprint        hash of the inputs and settings; an unchanged fingerprint means nothing to redo
 * @param skipped            true when the existing output was up to date and nothing was rebuilt
 * @param seconds            time the build took (of the original build, when skipped)
 * @param trainBytes         size of {@code train.txt}, knowledge included
 * @param validBytes         size of {@code valid.txt}
 * @param knowledgeBytes     bytes the repeated facts add to {@code train.txt}
 * @param trainDocuments     documents in {@code train.txt}, knowledge copies included
 * @param validDocuments     documents in {@code valid.txt}
 * @param knowledgeFacts     distinct facts mixed in
 * @param knowledgeRepeats   copies of each fact
 * @param duplicatesRemoved  documents dropped as repeats, all sources together
 * @param sources            per-source counts
 */
public record CorpusStats(String fingerprint, boolean skipped, double seconds, long trainBytes, long validBytes,
                          long knowledgeBytes, int trainDocuments, int validDocuments, int knowledgeFacts,
                          int knowledgeRepeats, int duplicatesRemoved, List<SourceStats> sources) {

    /**
     * @param name              source name
     * @param debianPackage     the package it comes from
     * @param documents         documents kept (train and validation)
     * @param validDocuments    of which held out for validation
     * @param bytes             UTF-8 bytes of the kept documents' text
     * @param duplicatesRemoved documents of this source dropped as repeats
     */
    public record SourceStats(String name, String debianPackage, int documents, int validDocuments, long bytes,
                              int duplicatesRemoved) {
    }

    public CorpusStats {
        sources = List.copyOf(sources);
    }

    /** train.txt and valid.txt together, in bytes. */
    public long totalBytes() {
        return trainBytes + validBytes;
    }

    CorpusStats asSkipped() {
        return new CorpusStats(fingerprint, true, seconds, trainBytes, validBytes, knowledgeBytes, trainDocuments,
                validDocuments, knowledgeFacts, knowledgeRepeats, duplicatesRemoved, sources);
    }
}
