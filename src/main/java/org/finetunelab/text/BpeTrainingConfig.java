package org.finetunelab.text;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Settings for training a byte-level BPE tokenizer.
 *
 * @param vocabSize        size of the finished vocabulary: special tokens + 256 byte symbols + merges
 * @param minPairFrequency stop merging early when the most frequent pair occurs fewer times than this
 * @param specialTokens    tokens that are never split, matched verbatim in text; {@code <|endoftext|>} first,
 *                         so that it gets id 0
 * @param maxSampleBytes   train on at most this many UTF-8 bytes of the corpus, picked evenly at random;
 *                         BPE merges settle long before a whole corpus is seen
 * @param seed             seed of that random pick, so the same corpus gives the same tokenizer
 */
public record BpeTrainingConfig(int vocabSize, int minPairFrequency, List<String> specialTokens,
                                long maxSampleBytes, long seed) {

    /** The special token that separates documents. */
    public static final String END_OF_TEXT = "<|endoftext|>";

    /** Defaults used by the lab: pairs seen at least twice, only {@code <|endoftext|>}, a 3 MB sample. */
    public static BpeTrainingConfig ofVocabSize(int vocabSize) {
        return new BpeTrainingConfig(vocabSize, 2, List.of(END_OF_TEXT), 3_000_000L, 42L);
    }

    public BpeTrainingConfig {
        specialTokens = List.copyOf(specialTokens);
        if (specialTokens.isEmpty() || !specialTokens.get(0).equals(END_OF_TEXT)) {
            throw new IllegalArgumentException("specialTokens must start with " + END_OF_TEXT
                    + " (it becomes id 0), got " + specialTokens);
        }
        Set<String> seen = new HashSet<>();
        for (String token : specialTokens) {
            if (token.isEmpty() || !seen.add(token)) {
                throw new IllegalArgumentException("specialTokens must be non-empty and distinct, got " + specialTokens);
            }
        }
        int minimum = specialTokens.size() + 256;
        if (vocabSize < minimum) {
            throw new IllegalArgumentException("vocabSize " + vocabSize + " is too small: the " + specialTokens.size()
                    + " special tokens and 256 byte symbols alone need " + minimum);
        }
        if (minPairFrequency < 1) {
            throw new IllegalArgumentException("minPairFrequency must be at least 1, got " + minPairFrequency);
        }
        if (maxSampleBytes < 1) {
            throw new IllegalArgumentException("maxSampleBytes must be positive, got " + maxSampleBytes);
        }
    }

    public BpeTrainingConfig withMinPairFrequency(int value) {
        return new BpeTrainingConfig(vocabSize, value, specialTokens, maxSampleBytes, seed);
    }

    public BpeTrainingConfig withSpecialTokens(List<String> value) {
        return new BpeTrainingConfig(vocabSize, minPairFrequency, value, maxSampleBytes, seed);
    }

    public BpeTrainingConfig withMaxSampleBytes(long value) {
        return new BpeTrainingConfig(vocabSize, minPairFrequency, specialTokens, value, seed);
    }

    public BpeTrainingConfig withSeed(long value) {
        return new BpeTrainingConfig(vocabSize, minPairFrequency, specialTokens, maxSampleBytes, value);
    }
}
