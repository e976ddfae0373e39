package org.finetunelab.baseline;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BagOfWordsTest {
    @Test
    void wordsAreLowerCasedSortedAndUnknownOnesIgnored() {
        BagOfWords words = BagOfWords.fit(List.of("Great food!", "awful, AWFUL service"));
        assertEquals(4, words.size());   // awful, food, great, service
        assertArrayEquals(new int[]{0, 3}, words.features("Awful service, awful"));
        assertArrayEquals(new int[]{2}, words.features("great unknown words"));
        assertEquals(List.of("don't", "stop"), BagOfWords.words("Don't STOP."));
    }

    @Test
    void logisticRegressionLearnsWhichWordsMarkEachClass() {
        List<String> texts = new ArrayList<>();
        int[] labels = new int[40];
        for (int i = 0; i < 40; i++) {
            boolean good = i % 2 == 0;
            texts.add((good ? "great lovely " : "awful broken ") + "item number " + i);
            labels[i] = good ? 1 : 0;
        }
        BagOfWords words = BagOfWords.fit(texts);
        List<int[]> x = texts.stream().map(words::features).toList();
        LogisticRegression a = LogisticRegression.train(x, labels, words.size(), 2, LogisticRegression.Settings.defaults(1));
        assertEquals(1.0, a.accuracy(x, labels));
        assertEquals(1, a.predict(words.features("a lovely thing")));
        assertEquals(0, a.predict(words.features("it came broken")));
        assertTrue(a.loss(x, labels) < 0.2, "loss " + a.loss(x, labels));
        assertEquals(2L * words.size() + 2, a.parameterCount());

        // The same seed gives the same model; another seed another order of the examples, so other weights.
        LogisticRegression b = LogisticRegression.train(x, labels, words.size(), 2, LogisticRegression.Settings.defaults(1));
        LogisticRegression c = LogisticRegression.train(x, labels, words.size(), 2, LogisticRegression.Settings.defaults(2));
        int[] probe = words.features("great broken item");
        assertArrayEquals(a.probabilities(probe), b.probabilities(probe));
        assertTrue(a.probabilities(probe)[0] != c.probabilities(probe)[0]);
    }

    @Test
    void badInputIsRefusedWithTheReason() {
        List<int[]> x = List.of(new int[]{0}, new int[]{1});
        LogisticRegression.Settings s = LogisticRegression.Settings.defaults(1);
        assertThrows(IllegalArgumentException.class, () -> LogisticRegression.train(x, new int[]{0}, 2, 2, s));
        assertThrows(IllegalArgumentException.class, () -> LogisticRegression.train(x, new int[]{0, 1}, 2, 1, s));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogisticRegression.train(x, new int[]{0, 5}, 2, 2, s));
        assertTrue(e.getMessage().contains("class 5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LogisticRegression.Settings(0, 0.1, 0, 1));
    }
}
