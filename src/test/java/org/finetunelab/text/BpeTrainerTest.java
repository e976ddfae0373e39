package org.finetunelab.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BpeTrainerTest {

    @Test
    void firstMergeJoinsTheMostFrequentPair() {
        // "e r" occurs in every word below (7 times); no other pair is as frequent.
        List<String> corpus = List.of("newer lower wider", "newer lower", "older faster");
        BpeModel model = new BpeTrainer(BpeTrainingConfig.ofVocabSize(258)).train(corpus);
        assertEquals(List.of("e r"), model.merges());
        assertEquals(258, model.vocabSize());
        assertEquals(257, model.tokenId("er").getAsInt());
    }

    @Test
    void idsAreSpecialTokensThenBytesThenMerges() {
        BpeTrainingConfig config = BpeTrainingConfig.ofVocabSize(400).withSpecialTokens(List.of("<|endoftext|>", "<|pad|>"));
        BpeModel model = new BpeTrainer(config).train(BpeTestCorpus.lines(300, 1));
        assertEquals(0, model.endOfTextId());
        assertEquals("<|pad|>", model.token(1));
        assertEquals("Ā", model.token(2));      // byte 0
        assertEquals("Ġ", model.token(2 + ' '));
        assertEquals(400, model.vocabSize());
        assertEquals(400 - 258, model.mergeCount());
    }

    @Test
    void mergingStopsWhenPairsBecomeRarerThanTheMinimum() {
        List<String> corpus = List.of("abab abab abab", "xy");
        BpeModel model = new BpeTrainer(BpeTrainingConfig.ofVocabSize(1000).withMinPairFrequency(3)).train(corpus);
        // "ab" (6x), "abab" (3x); after that "Ġabab" has 2 occurrences, "x y" one: both too rare.
        assertEquals(List.of("a b", "ab ab"), model.merges());
    }

    @Test
    void sameCorpusAndSeedGiveTheSameTokenizer() {
        BpeTrainingConfig config = BpeTrainingConfig.ofVocabSize(500).withMaxSampleBytes(5_000);
        List<String> corpus = BpeTestCorpus.lines(2000, 7);
        assertEquals(new BpeTrainer(config).train(corpus).toJson(), new BpeTrainer(config).train(corpus).toJson());
        BpeModel otherSample = new BpeTrainer(config.withSeed(8)).train(corpus);
        assertFalse(otherSample.merges().equals(new BpeTrainer(config).train(corpus).merges()));
    }

    @Test
    void trainingOnAFileEqualsTrainingOnItsText(@TempDir Path dir) throws IOException {
        String text = BpeTestCorpus.text(4000, 3); // about 200 kB: read in many pieces
        Path file = dir.resolve("corpus.txt");
        Files.writeString(file, text);
        BpeTrainer trainer = new BpeTrainer(BpeTrainingConfig.ofVocabSize(600));
        assertEquals(trainer.train(List.of(text)).merges(), trainer.train(file).merges());
    }

    @Test
    void specialTokensInTheCorpusAreNeverMergedInto() {
        List<String> corpus = new ArrayList<>();
        for (String line : BpeTestCorpus.lines(500, 4)) {
            corpus.add(line + "<|endoftext|>");
        }
        BpeModel model = new BpeTrainer(BpeTrainingConfig.ofVocabSize(600).withMinPairFrequency(1)).train(corpus);
        for (String merge : model.merges()) {
            assertFalse(merge.contains("|"), "a merge learned part of <|endoftext|>: " + merge);
        }
    }

    @Test
    void sampleIsLimitedToMaxSampleBytes() {
        // First half of the corpus only "aaaa", second half only "bbbb". A tiny sample from both halves still
        // learns both words; reading only from the start would learn "a" merges alone.
        List<String> corpus = new ArrayList<>(Collections.nCopies(2000, "aaaa aaaa aaaa"));
        corpus.addAll(Collections.nCopies(2000, "bbbb bbbb bbbb"));
        List<Long> seen = new ArrayList<>();
        BpeTrainingConfig config = BpeTrainingConfig.ofVocabSize(270).withMaxSampleBytes(3_000);
        BpeModel model = new BpeTrainer(config).train(corpus, (stage, done, total) -> {
            if (stage == BpeProgressListener.Stage.COUNTING_WORDS) {
                seen.add(done);
            }
        });
        assertTrue(model.tokenId("bbbb").isPresent() && model.tokenId("aaaa").isPresent(), model.merges().toString());
        assertEquals(4000L * 14, seen.get(seen.size() - 1)); // every byte was looked at, a few were counted
    }

    @Test
    void progressReachesTheEndOfBothStagesInOrder() {
        List<String> events = new ArrayList<>();
        long[] last = {-1};
        new BpeTrainer(BpeTrainingConfig.ofVocabSize(300)).train(BpeTestCorpus.lines(200, 5), (stage, done, total) -> {
            assertTrue(done <= total, stage + " " + done + "/" + total);
            events.add(stage + (done == total ? " done" : ""));
            last[0] = done;
        });
        assertTrue(events.contains("COUNTING_WORDS done"));
        assertEquals("MERGING done", events.get(events.size() - 1));
        assertTrue(events.indexOf("COUNTING_WORDS done") < events.indexOf("MERGING done"));
        assertTrue(events.size() < 300, "too many progress calls: " + events.size());
    }

    @Test
    void configRejectsBadValuesWithClearMessages() {
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
                () -> BpeTrainingConfig.ofVocabSize(100));
        assertTrue(small.getMessage().contains("257"), small.getMessage());
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
                () -> BpeTrainingConfig.ofVocabSize(300).withSpecialTokens(List.of("<pad>", "<|endoftext|>")));
        assertTrue(order.getMessage().contains("<|endoftext|>"), order.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BpeTrainingConfig.ofVocabSize(300).withMinPairFrequency(0));
    }

    @Test
    void missingCorpusFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nope.txt");
        NoSuchFileException e = assertThrows(NoSuchFileException.class,
                () -> new BpeTrainer(BpeTrainingConfig.ofVocabSize(300)).train(missing));
        assertTrue(e.getMessage().contains("nope.txt"), e.getMessage());
    }

    @Test
    void emptyCorpusGivesTheBaseVocabulary() {
        BpeModel model = new BpeTrainer(BpeTrainingConfig.ofVocabSize(300)).train(List.of("", ""));
        assertEquals(257, model.vocabSize());
        assertEquals(0, model.mergeCount());
    }
}
