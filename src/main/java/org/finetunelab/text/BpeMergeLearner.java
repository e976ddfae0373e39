package org.finetunelab.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The heart of BPE training: repeatedly join the most frequent adjacent pair of symbols.
 *
 * <p>Works on unique words with their counts, never on the raw text, and keeps the pair counts up to date
 * incrementally: a merge only touches the words that contain the merged pair, and only the pairs next to
 * each replaced occurrence change. A recount of every pair after every merge would be thousands of times
 * slower.
 */
final class BpeMergeLearner {

    /** Running total of one pair and the words that (may) contain it. */
    private static final class PairStats {
        long count;
        int[] words = new int[4]; // may hold stale or repeated entries; each word is re-checked when merged
        int size;

        void addWord(int word) {
            if (size > 0 && words[size - 1] == word) {
                return;
            }
            if (size == words.length) {
                words = Arrays.copyOf(words, size * 2);
            }
            words[size++] = word;
        }
    }

    /** A heap entry; stale when the pair's count has changed since it was pushed. */
    private record Candidate(long count, int left, int right) {
    }

    private final int[][] words;   // symbol ids of each unique word, shrinking as merges apply
    private final int[] lengths;   // how many symbols of words[i] are in use
    private final long[] counts;   // how often each word occurs in the corpus sample
    private final Map<Long, PairStats> pairs = new HashMap<>();
    private final PriorityQueue<Candidate> heap = new PriorityQueue<>((a, b) -> a.count != b.count
            ? Long.compare(b.count, a.count)               // most frequent first
            : a.left != b.left ? Integer.compare(a.left, b.left) : Integer.compare(a.right, b.right));
    private final Set<Long> changed = new HashSet<>();

    BpeMergeLearner(int[][] words, long[] counts) {
        this.words = words;
        this.counts = counts;
        this.lengths = new int[words.length];
        for (int w = 0; w < words.length; w++) {
            lengths[w] = words[w].length;
            for (int i = 0; i + 1 < lengths[w]; i++) {
                add(words[w][i], words[w][i + 1], counts[w], w);
            }
        }
        pushChanged();
    }

    /**
     * Learns merges until the vocabulary holds {@code vocabSize} tokens or no pair occurs
     * {@code minPairFrequency} times.
     *
     * @param tokens the vocabulary so far (special tokens and byte symbols); merged tokens are appended
     * @return the merges, each {left id, right id, merged id}
     */
    List<int[]> learn(List<String> tokens, int vocabSize, int minPairFrequency, BpeProgressListener listener) {
        Map<String, Integer> idByToken = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            idByToken.put(tokens.get(i), i);
        }
        List<int[]> merges = new ArrayList<>();
        long wanted = vocabSize - tokens.size();
        long reported = -1;
        while (tokens.size() < vocabSize) {
            Candidate best = pollBest();
            if (best == null || best.count < minPairFrequency) {
                break;
            }
            String merged = tokens.get(best.left) + tokens.get(best.right);
            Integer id = idByToken.get(merged);
            if (id == null) { // rarely, two different pairs spell the same token: they share its id
                id = tokens.size();
                tokens.add(merged);
                idByToken.put(merged, id);
            }
            merges.add(new int[] {best.left, best.right, id});
            applyMerge(best.left, best.right, id);
            long percent = 100L * merges.size() / Math.max(1, wanted);
            if (percent != reported) {
                reported = percent;
                listener.onProgress(BpeProgressListener.Stage.MERGING, Math.min(merges.size(), wanted), wanted);
            }
        }
        listener.onProgress(BpeProgressListener.Stage.MERGING, wanted, wanted);
        return merges;
    }

    private Candidate pollBest() {
        Candidate top;
        while ((top = heap.poll()) != null) {
            PairStats stats = pairs.get(BpeModel.pairKey(top.left, top.right));
            if (stats != null && stats.count == top.count) {
                return top;
            }
        }
        return null;
    }

    /** Replaces every (left, right) by {@code merged} in the words that contain it, updating pair counts. */
    private void applyMerge(int left, int right, int merged) {
        long key = BpeModel.pairKey(left, right);
        PairStats stats = pairs.get(key);
        int[] candidates = Arrays.copyOf(stats.words, stats.size);
        for (int w : candidates) {
            int[] symbols = words[w];
            int length = lengths[w];
            long count = counts[w];
            int out = 0;
            for (int in = 0; in < length; in++) {
                if (in + 1 < length && symbols[in] == left && symbols[in + 1] == right) {
                    // Pairs around this occurrence change: (before, left) -> (before, merged) and
                    // (right, after) -> (merged, after). "before" may already be a merged symbol.
                    if (out > 0) {
                        add(symbols[out - 1], left, -count, w);
                        add(symbols[out - 1], merged, count, w);
                    }
                    if (in + 2 < length) {
                        add(right, symbols[in + 2], -count, w);
                        add(merged, symbols[in + 2], count, w);
                    }
                    add(left, right, -count, w);
                    symbols[out++] = merged;
                    in++;
                } else {
                    symbols[out++] = symbols[in];
                }
            }
            lengths[w] = out;
        }
        pairs.remove(key);
        changed.remove(key);
        pushChanged();
    }

    private void add(int left, int right, long delta, int word) {
        long key = BpeModel.pairKey(left, right);
        PairStats stats = pairs.computeIfAbsent(key, k -> new PairStats());
        stats.count += delta;
        if (delta > 0) {
            stats.addWord(word);
        }
        changed.add(key);
    }

    /** Pushes the new count of every pair touched since the last call; drops pairs that disappeared. */
    private void pushChanged() {
        for (long key : changed) {
            PairStats stats = pairs.get(key);
            if (stats.count <= 0) {
                pairs.remove(key);
            } else {
                heap.add(new Candidate(stats.count, (int) (key >>> 32), (int) key));
            }
        }
        changed.clear();
    }
}
