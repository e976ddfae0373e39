package org.finetunelab.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabelledTextsTest {
    @TempDir
    Path dir;

    /** The small review set the comparison tests use: 36 train and 12 test reviews, half of each label. */
    static Path smallReviews() {
        try {
            return Path.of(LabelledTextsTest.class.getResource("reviews-small.jsonl").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path file(String... lines) throws IOException {
        Path file = dir.resolve("reviews.jsonl");
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private static String review(String text, String label, String split) {
        return "{\"id\": \"x\", \"domain\": \"d\", \"text\": \"" + text + "\", \"label\": \"" + label
                + "\", \"split\": \"" + split + "\"}";
    }

    private DatasetException failure(String... lines) throws IOException {
        Path file = file(lines);
        return assertThrows(DatasetException.class, () -> LabelledTexts.load(file));
    }

    private static void assertMentions(DatasetException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' missing from: " + e.getMessage());
        }
        assertTrue(e.getMessage().contains("reviews.jsonl"), e.getMessage());
        assertTrue(e.getMessage().contains("Fix: "), e.getMessage());
    }

    @Test
    void theFixtureLoadsWithBothSplitsAndLabelsInAlphabeticalOrder() {
        LabelledTexts data = LabelledTexts.load(smallReviews());
        assertEquals(List.of("negative", "positive"), data.labels());
        assertEquals(36, data.train().size());
        assertEquals(12, data.test().size());
        assertEquals(Map.of("negative", 6, "positive", 6), LabelledTexts.counts(data.test()));
        assertEquals(1, data.labelIndex("positive"));
        LabelledTexts.Example first = data.train().get(0);
        assertEquals("p00", first.id());
        assertEquals(1, first.line());
        assertTrue(first.text().startsWith("The soup was hot"), first.text());
    }

    @Test
    void labelOrderDoesNotDependOnTheOrderOfTheLines() throws IOException {
        LabelledTexts data = LabelledTexts.load(file(review("yes", "zebra", "train"), review("no", "apple", "train"),
                "", review("maybe", "zebra", "test")));
        assertEquals(List.of("apple", "zebra"), data.labels());
        assertEquals(4, data.test().get(0).line(), "blank lines still count in line numbers");
    }

    @Test
    void anUnknownSplitNamesTheLineAndTheField() throws IOException {
        DatasetException e = failure(review("good", "positive", "train"), review("bad", "negative", "train"),
                review("fine", "positive", "validation"));
        assertEquals(3, e.line());
        assertEquals("split", e.field().orElseThrow());
        assertMentions(e, "line 3", "'validation'", "\"train\"", "\"test\"");
    }

    @Test
    void anEmptyTestSplitIsRefused() throws IOException {
        DatasetException e = failure(review("good", "positive", "train"), review("bad", "negative", "train"));
        assertEquals("split", e.field().orElseThrow());
        assertMentions(e, "test split is empty");
    }

    @Test
    void anEmptyTrainSplitIsRefused() throws IOException {
        DatasetException e = failure(review("good", "positive", "test"), review("bad", "negative", "test"));
        assertMentions(e, "train split is empty");
    }

    @Test
    void aTestLabelNeverSeenInTrainingIsRefused() throws IOException {
        DatasetException e = failure(review("good", "positive", "train"), review("bad", "negative", "train"),
                review("meh", "neutral", "test"));
        assertEquals(3, e.line());
        assertEquals("label", e.field().orElseThrow());
        assertMentions(e, "line 3", "'neutral'");
    }

    @Test
    void aSingleLabelIsNotAClassificationTask() throws IOException {
        DatasetException e = failure(review("good", "positive", "train"), review("great", "positive", "test"));
        assertMentions(e, "at least two");
    }

    @Test
    void aMissingFieldIsReportedWithItsLine() throws IOException {
        DatasetException e = failure(review("good", "positive", "train"),
                "{\"text\": \"bad\", \"split\": \"train\"}");
        assertEquals(2, e.line());
        assertEquals("label", e.field().orElseThrow());
        assertMentions(e, "line 2", "'label'");
    }

    @Test
    void aLabelThatIsNotAStringIsReportedWithItsLine() throws IOException {
        DatasetException e = failure(review("good", "positive", "train"),
                "{\"text\": \"bad\", \"label\": 0, \"split\": \"train\"}");
        assertEquals(2, e.line());
        assertEquals("label", e.field().orElseThrow());
    }

    @Test
    void otherFieldNamesCanBeChosen() throws IOException {
        Path file = file("{\"review\": \"good\", \"stars\": \"5\", \"part\": \"train\"}",
                "{\"review\": \"bad\", \"stars\": \"1\", \"part\": \"train\"}",
                "{\"review\": \"ok\", \"stars\": \"1\", \"part\": \"test\"}");
        LabelledTexts data = LabelledTexts.load(file, "review", "stars", "part");
        assertEquals(List.of("1", "5"), data.labels());
        assertEquals("", data.train().get(0).id(), "id is optional");
    }
}
