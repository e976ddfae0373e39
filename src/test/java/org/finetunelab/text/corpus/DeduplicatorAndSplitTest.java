package org.finetunelab.text.corpus;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeduplicatorAndSplitTest {

    @Test
    void aRepeatIsRecognisedDespiteCaseSpacingAndPunctuation() {
        Deduplicator dedup = new Deduplicator();
        assertTrue(dedup.isNew("If you fail to plan, plan to fail."));
        assertFalse(dedup.isNew("If you fail to plan, plan to fail."));
        assertFalse(dedup.isNew("if you fail to plan --\nplan to fail!"));
        assertTrue(dedup.isNew("If you plan to fail, fail to plan."));
    }

    @Test
    void theSplitDependsOnlyOnTheText() {
        List<String> docs = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            docs.add("document number " + i);
        }
        SplitAssigner splitter = new SplitAssigner(0.02);
        List<SplitAssigner.Split> first = docs.stream().map(splitter::assign).toList();
        long valid = first.stream().filter(s -> s == SplitAssigner.Split.VALID).count();
        assertTrue(valid > 300 && valid < 500, "expected about 2% of 20000, got " + valid);

        List<String> shuffled = new ArrayList<>(docs);
        Collections.shuffle(shuffled, new Random(7));
        SplitAssigner another = new SplitAssigner(0.02);
        for (String doc : shuffled) {
            assertEquals(first.get(Integer.parseInt(doc.substring(16))), another.assign(doc), doc);
        }
    }

    @Test
    void aZeroFractionKeepsEverythingForTraining() {
        assertEquals(SplitAssigner.Split.TRAIN, new SplitAssigner(0).assign("anything"));
    }
}
