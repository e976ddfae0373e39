package org.finetunelab.experiments;

import org.finetunelab.text.LabelledTexts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The comparison on the shipped base model: the project's sentiment reviews when present, otherwise the small
 * review set of the tests. Fine-tuning must do better than chance and at least as well as the linear probe.
 */
@Tag("slow")
class MethodComparisonBaseModelTest {
    static final Path BASE = Path.of("data/models/base");
    static final Path REVIEWS = Path.of("data/datasets/sentiment/reviews.jsonl");

    @Test
    void loraAndFullFineTuningBeatTheLinearProbe() throws Exception {
        Path data = Files.isRegularFile(REVIEWS) ? REVIEWS : MethodComparisonTest.smallReviews();
        LabelledTexts reviews = LabelledTexts.load(data);
        Table table = new MethodComparison(BASE, reviews, MethodComparison.Settings.defaults().withSteps(120))
                .run(MethodComparison.methods("probe,lora,full"), MethodComparison.Progress.NONE);
        System.out.println(reviews);
        System.out.println(table.printAll());
        assertEquals(3, table.rowCount());
        for (var column : table.columns()) {
            assertEquals(0, column.countMissing(), column.name() + " has missing values");
        }
        double probe = table.doubleColumn(MethodComparison.ACCURACY).get(0);
        double best = Math.max(table.doubleColumn(MethodComparison.ACCURACY).get(1),
                table.doubleColumn(MethodComparison.ACCURACY).get(2));
        assertTrue(best > 0.5, "best fine-tuned accuracy " + best + " is no better than chance");
        assertTrue(best >= probe, "fine-tuning (" + best + ") did worse than the linear probe (" + probe + ")");
        assertFalse(table.booleanColumn(MethodComparison.BASE_CHANGED).get(1), "LoRA leaves the base weights alone");
        assertTrue(table.booleanColumn(MethodComparison.BASE_CHANGED).get(2), "full fine-tuning changes them");
    }
}
