package org.finetunelab.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Random and hostile text through training, encoding and decoding: nothing may crash or lose a character. */
class BpeFuzzTest {

    private static final long SEED = 20251129L;
    private static final List<String> SPECIALS = List.of("<|endoftext|>", "<|im_start|>", "<|tool call|>");

    /** Code point ranges to draw from: {first, last}. */
    private static final int[][] POOLS = {
        {0x20, 0x7E},        // ASCII
        {0x00, 0x1F},        // C0 controls, NUL included
        {0x7F, 0x9F},        // DEL and C1 controls
        {0xA0, 0xFF},        // Latin-1
        {0x300, 0x36F},      // combining marks
        {0x590, 0x6FF},      // Hebrew and Arabic
        {0x4E00, 0x9FFF},    // CJK
        {0x1F300, 0x1FAFF},  // emoji
        {0x2000, 0x206F},    // odd spaces, joiners, direction marks
        {0xE000, 0xF8FF},    // private use
        {0x0, 0x10FFFF},     // anything (surrogates skipped)
    };
    private static final String WHITESPACE = " \t\n\r\u000B\f\u0085\u00A0\u1680\u2000\u2007\u2028\u2029\u202F\u205F\u3000";

    @Test
    void randomTextSurvivesTrainingEncodingAndDecoding(@TempDir Path dir) throws IOException {
        Random random = new Random(SEED);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            texts.add(randomText(random, random.nextInt(120)));
        }
        texts.add("");
        texts.add(" ");
        texts.add("\n\n\n");
        texts.add(whitespace(random, 50));
        texts.add("<|endoftext|><|endoftext|>");
        texts.add("<|endoftext");
        texts.add("<|im_start|><|endoftext|>x<|tool call|> <|tool call|");
        List<String> corpus = new ArrayList<>(texts);
        corpus.addAll(BpeTestCorpus.lines(300, SEED));

        BpeTrainingConfig config = BpeTrainingConfig.ofVocabSize(800).withMinPairFrequency(1).withSpecialTokens(SPECIALS);
        BpeModel model = new BpeTrainer(config).train(corpus);
        try (Tokenizer tokenizer = Tokenizer.load(model.save(dir))) {
            List<int[]> batch = tokenizer.encodeBatch(texts);
            for (int i = 0; i < texts.size(); i++) {
                String text = texts.get(i);
                int[] ids = tokenizer.encode(text);
                assertArrayEquals(ids, batch.get(i), () -> "batch differs for " + escape(text));
                assertEquals(text, tokenizer.decode(ids), () -> "round trip failed for " + escape(text));
                assertArrayEquals(model.encode(text), ids, () -> "Java and Rust ids differ for " + escape(text));
                assertEquals(text, model.decode(ids));
            }
        }
    }

    @Test
    void hugeLinesTrainAndRoundTrip(@TempDir Path dir) throws IOException {
        Random random = new Random(SEED + 1);
        String oneWord = "x".repeat(1 << 20);                       // 1 MB without a break
        String mixed = randomText(random, 300_000);                   // about 1 MB of mixed scripts, one line
        String spaces = " ".repeat(200_000) + "\t".repeat(200_000);   // only whitespace
        List<String> corpus = List.of(oneWord, mixed, spaces, BpeTestCorpus.text(200, SEED));
        BpeTrainingConfig config = BpeTrainingConfig.ofVocabSize(600).withMinPairFrequency(1);
        BpeModel model = new BpeTrainer(config).train(corpus);
        try (Tokenizer tokenizer = Tokenizer.load(model.save(dir))) {
            for (String text : List.of(oneWord, mixed, spaces, oneWord + "\n" + mixed)) {
                int[] ids = tokenizer.encode(text);
                assertTrue(ids.length > 0);
                assertEquals(text, tokenizer.decode(ids), "round trip of a " + text.length() + "-character line");
            }
            String line = mixed.substring(0, mixed.offsetByCodePoints(0, 20_000)); // the Java encoder is for checking, so keep its input short
            assertArrayEquals(model.encode(line), tokenizer.encode(line));
        }
    }

    private static String randomText(Random random, int codePoints) {
        StringBuilder text = new StringBuilder();
        int[] pool = POOLS[random.nextInt(POOLS.length)];
        for (int i = 0; i < codePoints; i++) {
            if (random.nextInt(20) == 0) {
                pool = POOLS[random.nextInt(POOLS.length)]; // switch scripts mid-text
            }
            int roll = random.nextInt(100);
            if (roll < 8) {
                text.append(WHITESPACE.charAt(random.nextInt(WHITESPACE.length())));
            } else if (roll < 9) {
                text.append(SPECIALS.get(random.nextInt(SPECIALS.size())));
            } else {
                int codePoint = pool[0] + random.nextInt(pool[1] - pool[0] + 1);
                if (Character.getType(codePoint) != Character.SURROGATE) {
                    text.appendCodePoint(codePoint);
                }
            }
        }
        return text.toString();
    }

    private static String whitespace(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(WHITESPACE.charAt(random.nextInt(WHITESPACE.length())));
        }
        return text.toString();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().limit(200).forEach(c -> out.append(c >= 0x20 && c < 0x7F ? Character.toString(c)
                : String.format("\\u{%x}", c)));
        return out.append(text.length() > 200 ? "...\"" : "\"").toString();
    }
}
