package org.finetunelab.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small seeded corpora for tokenizer tests, made in code so that the tests need no files. */
final class BpeTestCorpus {

    private static final String[] WORDS = {
        "the", "a", "of", "and", "to", "in", "is", "that", "it", "was", "for", "on", "are", "with", "as", "his",
        "they", "be", "at", "one", "have", "this", "from", "or", "had", "by", "word", "but", "what", "some", "we",
        "can", "out", "other", "were", "all", "there", "when", "up", "use", "your", "how", "said", "an", "each",
        "she", "which", "do", "their", "time", "if", "will", "way", "about", "many", "then", "them", "write",
        "would", "like", "so", "these", "her", "long", "make", "thing", "see", "him", "two", "has", "look",
        "more", "day", "could", "go", "come", "did", "number", "sound", "no", "most", "people", "my", "over",
        "know", "water", "than", "call", "first", "who", "may", "down", "side", "been", "now", "find", "lower",
        "lowest", "newer", "widest", "model", "token", "tokenizer", "learning", "fine-tuning", "adapter",
    };

    private static final String[] EXTRAS = {
        "It's 3.14 o'clock, isn't it?", "  indented line", "tab\tseparated\tvalues", "x = f(y) + 42;",
        "Ünïcödé façade naïve café", "日本語のテキスト", "עברית וערבית: العربية", "emoji 😀🎉👍🏽!",
        "e\u0301 combining", "CAPS AND lower", "line one\r\nline two", "1,000,000 and 2025-11-29",
    };

    private BpeTestCorpus() {
    }

    /** English-like lines from a fixed word list, with a few special lines mixed in. */
    static List<String> lines(int count, long seed) {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (random.nextInt(10) == 0) {
                lines.add(EXTRAS[random.nextInt(EXTRAS.length)]);
                continue;
            }
            StringBuilder line = new StringBuilder();
            int words = 3 + random.nextInt(12);
            for (int w = 0; w < words; w++) {
                String word = WORDS[Math.min(WORDS.length - 1, (int) Math.abs(random.nextGaussian() * 30))];
                line.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : " " + word);
            }
            lines.add(line.append(random.nextBoolean() ? "." : ",").toString());
        }
        return lines;
    }

    /** The same lines joined into one text with newlines. */
    static String text(int lineCount, long seed) {
        return String.join("\n", lines(lineCount, seed)) + "\n";
    }
}
