package org.finetunelab.text;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The incremental pair counting must choose exactly the merges that a full recount after each merge would. */
class BpeMergeLearnerTest {

    private static final String[] ALPHABET = {"a", "b", " ", "a", "é", "😀", "\n"};

    @Test
    void incrementalCountsGiveTheSameMergesAsNaiveRecounting() {
        Random random = new Random(3);
        for (int round = 0; round < 5; round++) {
            List<String> corpus = new ArrayList<>();
            for (int i = 0; i < 200; i++) { // small alphabets make long repeats like "aaaa" and "abab"
                StringBuilder line = new StringBuilder();
                int length = random.nextInt(40);
                for (int c = 0; c < length; c++) {
                    line.append(ALPHABET[random.nextInt(ALPHABET.length)]);
                }
                corpus.add(line.toString());
            }
            corpus.addAll(BpeTestCorpus.lines(100, round));
            BpeModel model = new BpeTrainer(BpeTrainingConfig.ofVocabSize(500).withMinPairFrequency(1)).train(corpus);
            assertEquals(naiveMerges(corpus, 500 - 257), model.merges(), "round " + round);
        }
    }

    /** Textbook BPE: count every pair in every word, merge the best, repeat. */
    private static List<String> naiveMerges(List<String> corpus, int mergeCount) {
        Map<String, Integer> wordCounts = new HashMap<>();
        for (String text : corpus) {
            for (String word : ByteLevel.preTokenize(text)) {
                wordCounts.merge(word, 1, Integer::sum);
            }
        }
        List<String> tokens = new ArrayList<>(List.of("<|endoftext|>"));
        for (int b = 0; b < 256; b++) {
            tokens.add(String.valueOf(ByteLevel.byteToChar(b)));
        }
        List<List<Integer>> words = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        wordCounts.forEach((word, count) -> {
            List<Integer> ids = new ArrayList<>();
            for (byte b : word.getBytes(StandardCharsets.UTF_8)) {
                ids.add(1 + (b & 0xFF));
            }
            words.add(ids);
            counts.add(count);
        });
        List<String> merges = new ArrayList<>();
        while (merges.size() < mergeCount) {
            Map<List<Integer>, Integer> pairCounts = new HashMap<>();
            for (int w = 0; w < words.size(); w++) {
                List<Integer> word = words.get(w);
                for (int i = 0; i + 1 < word.size(); i++) {
                    pairCounts.merge(List.of(word.get(i), word.get(i + 1)), counts.get(w), Integer::sum);
                }
            }
            List<Integer> best = null;
            for (Map.Entry<List<Integer>, Integer> entry : pairCounts.entrySet()) {
                List<Integer> pair = entry.getKey();
                int count = entry.getValue();
                int bestCount = best == null ? -1 : pairCounts.get(best);
                if (count > bestCount || (count == bestCount && (pair.get(0) < best.get(0)
                        || (pair.get(0).equals(best.get(0)) && pair.get(1) < best.get(1))))) {
                    best = pair;
                }
            }
            if (best == null) {
                break;
            }
            String merged = tokens.get(best.get(0)) + tokens.get(best.get(1));
            int id = tokens.indexOf(merged);
            if (id < 0) {
                id = tokens.size();
                tokens.add(merged);
            }
            merges.add(tokens.get(best.get(0)) + " " + tokens.get(best.get(1)));
            for (List<Integer> word : words) {
                for (int i = 0; i + 1 < word.size(); i++) {
                    if (word.get(i).equals(best.get(0)) && word.get(i + 1).equals(best.get(1))) {
                        word.set(i, id);
                        word.remove(i + 1);
                    }
                }
            }
        }
        return merges;
    }
}
