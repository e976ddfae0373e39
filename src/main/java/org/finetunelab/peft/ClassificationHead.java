package org.finetunelab.peft;

import ai.djl.ndarray.NDArray;
import org.finetunelab.model.Forward;
import org.finetunelab.model.InferenceScope;
import org.finetunelab.model.Gpt;
import org.finetunelab.model.Linear;
import org.finetunelab.model.Module;
import org.finetunelab.train.Batch;
import org.finetunelab.train.Objective;

import java.util.Random;

/**
 * Turns the language model into a classifier. A causal model's last real token has read the whole text, so
 * its hidden state summarises it ("last-token pooling"); one linear layer maps it to a score per class.
 *
 * <p>Batches (see {@link LabelledExamples}) mark the pooling position with weight 1 and carry the class id
 * as the target there; every other position has weight 0.
 */
public final class ClassificationHead extends Module implements TaskHead {
    public static final String NAME = "classifier";
    private final Linear linear;
    private final int classes;

    private ClassificationHead(Gpt model, int classes, long seed) {
        this.classes = classes;
        this.linear = child("linear", new Linear(model.manager(), new Random(seed), model.config().dModel(), classes, 0.02f));
    }

    /** Adds a trainable head with {@code classes} outputs to the model (under {@value #NAME}), initialised from seed 42. */
    public static ClassificationHead attach(Gpt model, int classes) {
        return attach(model, classes, 42);
    }

    /** Adds a trainable head whose initial weights come from {@code seed}. */
    public static ClassificationHead attach(Gpt model, int classes, long seed) {
        if (classes < 2) {
            throw new IllegalArgumentException("classification head: classes = " + classes + " must be at least 2.");
        }
        ClassificationHead head = model.addModule(NAME, new ClassificationHead(model, classes, seed));
        head.setTrainable(true);
        return head;
    }

    public int classes() {
        return classes;
    }

    /** Class scores (B, classes) from the hidden state at each row's weighted position. */
    public NDArray logits(Gpt model, Forward f, Batch batch) {
        NDArray hidden = model.hidden(f, batch.inputArray(f.manager()), null);      // (B, T, D)
        NDArray mask = batch.weightArray(f.manager()).expandDims(2);               // (B, T, 1): 1 at the pooling position
        NDArray pooled = hidden.mul(mask).sum(new int[]{1});                        // (B, D)
        return linear.forward(f, pooled);
    }

    /** Cross-entropy of the class at the pooling position, averaged over the examples. */
    public Objective objective() {
        return (m, f, batch, normalizer) -> {
            NDArray logp = logits(m, f, batch).logSoftmax(1);                    // (B, classes)
            NDArray labels = f.manager().create(labels(batch)).reshape(-1, 1);
            NDArray rowWeights = batch.weightArray(f.manager()).sum(new int[]{1});
            return logp.gather(labels, 1).reshape(-1).mul(rowWeights).sum().neg().div(normalizer);
        };
    }

    /** The predicted class of every row. */
    public int[] predict(Gpt model, Batch batch) {
        try (var engine = InferenceScope.enter(model.device()); var scope = model.newScope()) {
            NDArray scores = logits(model, new Forward(scope, false), batch);
            long[] best = scores.argMax(1).toLongArray();
            int[] out = new int[best.length];
            for (int i = 0; i < best.length; i++) {
                out[i] = (int) best[i];
            }
            return out;
        }
    }

    /** Share of rows whose predicted class equals the label. */
    public double accuracy(Gpt model, Iterable<Batch> batches) {
        long right = 0;
        long total = 0;
        for (Batch b : batches) {
            int[] predicted = predict(model, b);
            long[] truth = labels(b);
            for (int i = 0; i < truth.length; i++) {
                right += predicted[i] == truth[i] ? 1 : 0;
                total++;
            }
        }
        return total == 0 ? Double.NaN : (double) right / total;
    }

    /** The label of every row: the target at its weighted position (0 for an all-padding row). */
    static long[] labels(Batch batch) {
        long[] out = new long[batch.rows()];
        for (int r = 0; r < batch.rows(); r++) {
            for (int t = 0; t < batch.length(); t++) {
                int i = r * batch.length() + t;
                if (batch.weights()[i] > 0) {
                    out[r] = batch.targets()[i];
                }
            }
        }
        return out;
    }
}
