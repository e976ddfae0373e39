package org.finetunelab.peft;

import org.finetunelab.model.Gpt;
import org.finetunelab.train.Trainer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.finetunelab.peft.PeftFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

class ClassificationHeadTest {

    /**
     * Texts of "positive" words (ids 2–12) have label 1, of "negative" words (13–22) label 0, and every text ends
     * with the marker 1: the pooled last token only knows the answer by attending to the words before it.
     */
    static LabelledExamples task(long seed, int count) {
        Random r = new Random(seed);
        List<int[]> texts = new ArrayList<>();
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = r.nextBoolean() ? 1 : 0;
            int[] t = new int[3 + r.nextInt(8)];
            for (int k = 0; k < t.length - 1; k++) {
                t[k] = labels[i] == 1 ? 2 + r.nextInt(11) : 13 + r.nextInt(10);
            }
            t[t.length - 1] = 1;
            texts.add(t);
        }
        return new LabelledExamples(texts, labels, 16, 12, 0, seed);
    }

    @Test
    void headPlusLoraLearnsASmallLabelledTask() {
        try (Gpt model = model()) {
            Map<String, float[]> base = snapshot(model);
            ClassificationHead head = ClassificationHead.attach(model, 2);
            Lora lora = FineTuning.lora(model, LoraConfig.allLinear(4));
            assertTrue(model.trainableParameters().containsKey("classifier.linear.weight"), "heads stay trainable");
            LabelledExamples train = task(1, 400);
            LabelledExamples test = task(2, 200);
            double before = head.accuracy(model, test.inOrder());
            try (Trainer t = Trainer.builder(model).config(train(60).withLearningRate(1e-2f, 1e-3f).withWarmup(5)).train(train).noValidation().objective(head.objective()).build()) {
                t.fit();
            }
            double after = head.accuracy(model, test.inOrder());
            System.out.printf("classification: accuracy %.3f before, %.3f after; %s%n", before, after, lora);
            assertTrue(after >= 0.9, "accuracy " + after);
            base.forEach((name, values) -> assertArrayEquals(values, model.namedParameters().get(name).array().toFloatArray(), name));
        }
    }

    @Test
    void poolingReadsTheLastRealTokenOfEachRow() {
        LabelledExamples ex = new LabelledExamples(List.of(new int[]{5, 6}, new int[]{7, 8, 9}), new int[]{1, 0}, 2, 4, 0, 1);
        var batch = ex.inOrder().get(0);
        assertArrayEquals(new float[]{0, 1, 0, 0, 0, 0, 1, 0}, batch.weights());
        assertArrayEquals(new long[]{5, 6, 0, 0, 7, 8, 9, 0}, batch.inputs());
        assertArrayEquals(new long[]{1, 0}, ClassificationHead.labels(batch));
    }
}
