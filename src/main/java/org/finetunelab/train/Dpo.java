package org.finetunelab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import org.finetunelab.model.Forward;
import org.finetunelab.model.Gpt;
import org.finetunelab.model.InferenceScope;

/**
 * Direct preference optimisation: learn from (chosen, rejected) pairs without a reward model. For each pair the
 * policy's log-probability of each answer is compared with a frozen reference model's (the instruction-tuned
 * model DPO starts from):
 * <pre>
 *   margin = β · [(log π(chosen) − log π_ref(chosen)) − (log π(rejected) − log π_ref(rejected))]
 *   loss   = −log σ(margin)
 * </pre>
 * The loss falls as the policy raises the chosen answer relative to the reference more than the rejected one;
 * β sets how far it may move from the reference. The margin is the "implicit reward" difference; a pair counts
 * as right when it is positive. Batches come from {@link PairBatches} (chosen rows first, then rejected).
 *
 * <p>The objective remembers the last batch's mean margin and pairwise accuracy, so that a live chart can show
 * them next to the loss.
 */
public final class Dpo implements Objective {
    private final Gpt reference;
    private final float beta;
    private volatile double lastMargin = Double.NaN;
    private volatile double lastAccuracy = Double.NaN;

    /** @param reference the frozen model the policy is compared with; it is only read */
    public Dpo(Gpt reference, float beta) {
        if (!(beta > 0)) {
            throw new IllegalArgumentException("DPO's beta must be positive, got " + beta);
        }
        this.reference = reference;
        this.beta = beta;
    }

    public float beta() {
        return beta;
    }

    @Override
    public NDArray loss(Gpt model, Forward f, Batch batch, NDArray normalizer) {
        int pairs = batch.rows() / 2;
        NDArray policy = sequenceLogProbs(model, f, batch);                                   // (2n)
        // The reference's numbers enter as constants made in this pass's scope: they live until backward is done.
        NDArray ref = f.manager().create(referenceLogProbs(batch));
        NDArray gain = policy.sub(ref);                                                        // log π − log π_ref
        NDArray margin = gain.get(new NDIndex().addSliceDim(0, pairs))
                .sub(gain.get(new NDIndex().addSliceDim(pairs, 2L * pairs))).mul(f.scalar(beta));
        float[] m = margin.toFloatArray();
        double sum = 0;
        int right = 0;
        for (float x : m) {
            sum += x;
            right += x > 0 ? 1 : 0;
        }
        lastMargin = sum / pairs;
        lastAccuracy = (double) right / pairs;
        return PairwiseLoss.of(f, margin);
    }

    /** Mean β-scaled margin of the last batch. */
    public double lastMargin() {
        return lastMargin;
    }

    /** Share of the last batch's pairs whose margin is positive. */
    public double lastAccuracy() {
        return lastAccuracy;
    }

    /** Σ over each row's weighted (answer) tokens of log p(token), as a (rows) tensor in the pass. */
    static NDArray sequenceLogProbs(Gpt model, Forward f, Batch batch) {
        NDArray logits = model.forward(f, batch.inputArray(f.manager()));                    // (B, T, V)
        NDArray logp = logits.logSoftmax(2).gather(batch.targetArray(f.manager()).expandDims(2), 2).squeeze(2);
        return logp.mul(batch.weightArray(f.manager())).sum(new int[]{1});
    }

    private float[] referenceLogProbs(Batch batch) {
        try (InferenceScope engine = InferenceScope.enter(reference.device()); NDManager scope = reference.newScope()) {
            return sequenceLogProbs(reference, new Forward(scope, false), batch).toFloatArray();
        }
    }
}
