package org.finetunelab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.finetunelab.model.Forward;
import org.finetunelab.model.InferenceScope;
import org.finetunelab.model.Gpt;

/**
 * Cross-entropy of next-token prediction: −log p(target | context), averaged over the positions whose
 * weight is 1. Written out with log-softmax and gather so every step is visible (and so no op takes a
 * Java number, which DJL's autograd mishandles: see the model's constants).
 */
public final class LanguageModelLoss {
    /** Next-token prediction as a training objective. */
    public static final Objective NEXT_TOKEN = (model, f, batch, normalizer) ->
            loss(f, model.forward(f, batch.inputArray(f.manager())), batch.targetArray(f.manager()),
                    batch.weightArray(f.manager()), normalizer);

    private LanguageModelLoss() {
    }

    /**
     * Sum of weighted token losses divided by {@code normalizer} (a scalar tensor in the pass's scope).
     * Dividing every micro-batch by the total weight of the whole accumulated batch makes gradient
     * accumulation give the same gradient as one big batch.
     */
    public static NDArray loss(Forward f, NDArray logits, NDArray targets, NDArray weights, NDArray normalizer) {
        long vocab = logits.getShape().get(2);
        NDArray logp = logits.reshape(-1, vocab).logSoftmax(1);
        NDArray picked = logp.gather(targets.reshape(-1, 1), 1).reshape(-1);
        return picked.mul(weights.reshape(-1)).sum().neg().div(normalizer);
    }

    /** Forward pass plus loss for one batch; the returned scalar lives in the pass's scope. */
    public static NDArray batchLoss(Gpt model, Forward f, Batch batch, double normalizer) {
        return NEXT_TOKEN.loss(model, f, batch, f.scalar((float) normalizer));
    }

    /** Mean token loss over fixed batches, without gradients and without dropout. */
    public static double evaluate(Gpt model, java.util.List<Batch> batches) {
        return evaluate(model, batches, NEXT_TOKEN);
    }

    /** Mean loss of any objective over fixed batches, weighted by each batch's total weight. */
    public static double evaluate(Gpt model, java.util.List<Batch> batches, Objective objective) {
        double total = 0;
        double weight = 0;
        for (Batch b : batches) {
            try (InferenceScope engine = InferenceScope.enter(model.device()); NDManager scope = model.newScope()) {
                Forward f = new Forward(scope, false);
                double w = b.weightSum();
                total += objective.loss(model, f, b, f.scalar((float) w)).getFloat() * w;
                weight += w;
            }
        }
        return weight == 0 ? Double.NaN : total / weight;
    }

    /**
     * log p(target) at every position of the batch (B·T values, row after row), ignoring the weights.
     * Scoring tools build on it: perplexity, multiple-choice probes, per-token loss listings.
     */
    public static float[] tokenLogProbs(Gpt model, Batch batch) {
        try (InferenceScope engine = InferenceScope.enter(model.device()); NDManager scope = model.newScope()) {
            Forward f = new Forward(scope, false);
            NDArray logits = model.forward(f, batch.inputArray(scope));
            long vocab = logits.getShape().get(2);
            NDArray logp = logits.reshape(-1, vocab).logSoftmax(1);
            return logp.gather(batch.targetArray(scope).reshape(-1, 1), 1).reshape(-1).toFloatArray();
        }
    }
}
