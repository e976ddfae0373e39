package org.finetunelab.peft;

import org.finetunelab.train.Batch;
import org.finetunelab.train.ExampleBatches;

import java.util.List;

/**
 * Token sequences with class labels, as batches for {@link ClassificationHead}. Each row is the text's ids
 * padded on the right to {@code length}; the last real token gets weight 1 and the label as its target.
 * Batch {@code i} is a seeded random draw, so a resumed run sees the same batches.
 */
public final class LabelledExamples extends ExampleBatches {
    private final List<int[]> texts;
    private final int[] labels;
    private final int padId;

    public LabelledExamples(List<int[]> texts, int[] labels, int batchSize, int length, int padId, long seed) {
        super(texts.size(), batchSize, length, seed);
        if (texts.size() != labels.length || texts.isEmpty()) {
            throw new IllegalArgumentException("labelled examples: " + texts.size() + " texts but " + labels.length
                    + " labels; give one label per text (and at least one text).");
        }
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i).length == 0 || texts.get(i).length > length) {
                throw new IllegalArgumentException("labelled examples: text " + i + " has " + texts.get(i).length
                        + " tokens; each needs between 1 and length = " + length + " (truncate long texts).");
            }
        }
        this.texts = List.copyOf(texts);
        this.labels = labels.clone();
        this.padId = padId;
    }

    @Override
    protected Batch rowsOf(int[] rows) {
        int length = sequenceLength();
        int n = rows.length * length;
        long[] in = new long[n];
        long[] target = new long[n];
        float[] weight = new float[n];
        for (int r = 0; r < rows.length; r++) {
            int[] text = texts.get(rows[r]);
            for (int t = 0; t < length; t++) {
                in[r * length + t] = t < text.length ? text[t] : padId;
            }
            int last = r * length + text.length - 1;   // the pooling position
            target[last] = labels[rows[r]];
            weight[last] = 1f;
        }
        return new Batch(rows.length, length, in, target, weight);
    }
}
