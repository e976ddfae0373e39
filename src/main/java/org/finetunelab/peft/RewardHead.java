package org.finetunelab.peft;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import org.finetunelab.model.Forward;
import org.finetunelab.model.Gpt;
import org.finetunelab.model.InferenceScope;
import org.finetunelab.model.Linear;
import org.finetunelab.model.Module;
import org.finetunelab.train.Batch;
import org.finetunelab.train.Objective;
import org.finetunelab.train.PairwiseLoss;

import java.util.Random;

/**
 * Turns the language model into a reward model: one number that says how good an answer is. The hidden state at
 * the answer's last token, which has read the instruction and the whole answer, goes through one linear layer to
 * a scalar. Trained on preference pairs with the pairwise (Bradley–Terry) loss
 * {@code −log σ(r(chosen) − r(rejected))}: only differences of rewards matter, so the scale is arbitrary.
 *
 * <p>Batches come from {@code PairBatches}: chosen rows first, then the rejected ones; a row's last weighted
 * position is where its reward is read.
 */
public final class RewardHead extends Module implements TaskHead {
    public static final String NAME = "reward";
    private final Linear linear;

    private RewardHead(Gpt model, long seed) {
        this.linear = child("linear", new Linear(model.manager(), new Random(seed), model.config().dModel(), 1, 0.02f));
    }

    /** Adds a trainable reward head to the model (under {@value #NAME}). */
    public static RewardHead attach(Gpt model) {
        RewardHead head = model.addModule(NAME, new RewardHead(model, 42));
        head.setTrainable(true);
        return head;
    }

    /** The reward of every row (B), read at the row's last weighted position. */
    public NDArray rewards(Gpt model, Forward f, Batch batch) {
        NDArray hidden = model.hidden(f, batch.inputArray(f.manager()), null);                  // (B, T, D)
        NDArray pick = f.manager().create(lastWeighted(batch), new Shape(batch.rows(), batch.length(), 1));
        NDArray pooled = hidden.mul(pick).sum(new int[]{1});                                    // (B, D)
        return linear.forward(f, pooled).reshape(-1);
    }

    /** The pairwise loss, averaged over the batch's pairs. */
    public Objective objective() {
        return (m, f, batch, normalizer) -> {
            int pairs = batch.rows() / 2;
            NDArray r = rewards(m, f, batch);
            NDArray diff = r.get(new NDIndex().addSliceDim(0, pairs)).sub(r.get(new NDIndex().addSliceDim(pairs, 2L * pairs)));
            return PairwiseLoss.of(f, diff);
        };
    }

    /** Rewards of every row of the batch, without gradients. */
    public float[] score(Gpt model, Batch batch) {
        try (InferenceScope engine = InferenceScope.enter(model.device()); NDManager scope = model.newScope()) {
            return rewards(model, new Forward(scope, false), batch).toFloatArray();
        }
    }

    /** Share of pairs in which the chosen answer gets the higher reward. */
    public double pairwiseAccuracy(Gpt model, Iterable<Batch> batches) {
        int right = 0;
        int total = 0;
        for (Batch b : batches) {
            float[] r = score(model, b);
            int pairs = b.rows() / 2;
            for (int i = 0; i < pairs; i++) {
                right += r[i] > r[pairs + i] ? 1 : 0;
                total++;
            }
        }
        return total == 0 ? Double.NaN : (double) right / total;
    }

    /** 1 at each row's last position with weight, 0 elsewhere: (B·T) values. */
    static float[] lastWeighted(Batch batch) {
        float[] out = new float[batch.rows() * batch.length()];
        for (int r = 0; r < batch.rows(); r++) {
            for (int t = batch.length() - 1; t >= 0; t--) {
                if (batch.weights()[r * batch.length() + t] > 0) {
                    out[r * batch.length() + t] = 1f;
                    break;
                }
            }
        }
        return out;
    }
}
