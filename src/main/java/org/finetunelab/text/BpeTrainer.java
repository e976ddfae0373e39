package org.finetunelab.text;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;

/**
 * Trains a byte-level BPE tokenizer, the kind GPT-2 uses.
 *
 * <pre>{@code
 * BpeModel model = new BpeTrainer(BpeTrainingConfig.ofVocabSize(4096)).train(Path.of("corpus.txt"));
 * model.save(Path.of("my-tokenizer"));                 // writes my-tokenizer/tokenizer.json
 * try (Tokenizer tokenizer = Tokenizer.load(Path.of("my-tokenizer"))) { ... }
 * }</pre>
 *
 * <p>Training has two phases. First a sample of the corpus is cut into words by GPT-2's pre-tokenizer and
 * the words are counted, so a word seen 10,000 times is handled once with weight 10,000. Then
 * {@link BpeMergeLearner} joins the most frequent adjacent pair of symbols, again and again, until the
 * vocabulary is full.
 */
public final class BpeTrainer {

    private final BpeTrainingConfig config;

    public BpeTrainer(BpeTrainingConfig config) {
        this.config = config;
    }

    public BpeTrainingConfig config() {
        return config;
    }

    /** Trains on a UTF-8 text file (bytes that are not valid UTF-8 count as U+FFFD). */
    public BpeModel train(Path corpus) throws IOException {
        return train(corpus, BpeProgressListener.none());
    }

    public BpeModel train(Path corpus, BpeProgressListener listener) throws IOException {
        if (!Files.isRegularFile(corpus)) {
            throw new NoSuchFileException(corpus.toString(), null, "corpus file not found (expected a UTF-8 text file)");
        }
        WordCounter counter = new WordCounter(Files.size(corpus), listener);
        // A plain InputStreamReader replaces malformed bytes instead of failing half-way through a corpus.
        try (Reader reader = new InputStreamReader(Files.newInputStream(corpus), StandardCharsets.UTF_8)) {
            BpeCorpusPieces.split(reader, counter::accept);
        }
        return learn(counter, listener);
    }

    /** Trains on texts, e.g. one per document; text boundaries are never crossed by a token. */
    public BpeModel train(Iterable<String> texts) {
        return train(texts, BpeProgressListener.none());
    }

    public BpeModel train(Iterable<String> texts, BpeProgressListener listener) {
        long totalBytes = 0;
        for (String text : texts) { // a first pass for the size, so the sample can be spread evenly
            totalBytes += utf8Length(text);
        }
        WordCounter counter = new WordCounter(totalBytes, listener);
        for (String text : texts) {
            BpeCorpusPieces.split(text, counter::accept);
        }
        return learn(counter, listener);
    }

    private BpeModel learn(WordCounter counter, BpeProgressListener listener) {
        counter.reportDone();
        List<String> tokens = new ArrayList<>(config.specialTokens());
        for (int b = 0; b < 256; b++) {
            tokens.add(String.valueOf(ByteLevel.byteToChar(b)));
        }
        int base = config.specialTokens().size();
        int[][] words = new int[counter.counts.size()][];
        long[] counts = new long[words.length];
        int w = 0;
        for (Map.Entry<String, long[]> entry : counter.counts.entrySet()) {
            String symbols = ByteLevel.encodeBytes(entry.getKey());
            int[] ids = new int[symbols.length()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = base + ByteLevel.charToByte(symbols.charAt(i));
            }
            words[w] = ids;
            counts[w++] = entry.getValue()[0];
        }
        counter.counts.clear(); // the words now live in the arrays; let the map go
        List<int[]> merges = new BpeMergeLearner(words, counts)
                .learn(tokens, config.vocabSize(), config.minPairFrequency(), listener);
        return new BpeModel(tokens, config.specialTokens(), merges);
    }

    static long utf8Length(CharSequence text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** Picks pieces of the corpus at random (seeded) up to the byte budget and counts their words. */
    private final class WordCounter {
        final Map<String, long[]> counts = new HashMap<>();
        private final long totalBytes;
        private final double keepProbability;
        private final Random random = new Random(config.seed());
        private final BpeProgressListener listener;
        private long seenBytes;
        private long keptBytes;
        private long reportedPercent = -1;

        WordCounter(long totalBytes, BpeProgressListener listener) {
            this.totalBytes = totalBytes;
            this.keepProbability = Math.min(1.0, (double) config.maxSampleBytes() / Math.max(1, totalBytes));
            this.listener = listener;
        }

        void accept(String piece) {
            long bytes = utf8Length(piece);
            seenBytes += bytes;
            if (keptBytes < config.maxSampleBytes() && (keepProbability >= 1.0 || random.nextDouble() < keepProbability)) {
                keptBytes += bytes;
                countWords(piece);
            }
            long percent = 100 * Math.min(seenBytes, totalBytes) / Math.max(1, totalBytes);
            if (percent != reportedPercent) {
                reportedPercent = percent;
                listener.onProgress(BpeProgressListener.Stage.COUNTING_WORDS, Math.min(seenBytes, totalBytes), totalBytes);
            }
        }

        void reportDone() {
            listener.onProgress(BpeProgressListener.Stage.COUNTING_WORDS, totalBytes, totalBytes);
        }

        /** Special tokens are cut out first, so that no merge ever learns a piece of one. */
        private void countWords(String text) {
            int start = 0;
            while (start < text.length()) {
                int end = text.length();
                String special = null;
                for (String token : config.specialTokens()) {
                    int at = text.indexOf(token, start);
                    boolean longerAtSamePlace = special != null && at == end && token.length() > special.length();
                    if (at >= 0 && (at < end || longerAtSamePlace)) {
                        end = at;
                        special = token;
                    }
                }
                Matcher matcher = ByteLevel.PRE_TOKENIZER.matcher(text).region(start, end);
                while (matcher.find()) {
                    counts.computeIfAbsent(matcher.group(), k -> new long[1])[0]++;
                }
                start = special == null ? end : end + special.length();
            }
        }
    }
}
