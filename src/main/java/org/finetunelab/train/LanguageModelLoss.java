package org.finetunelab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import org.finetunelab.model.Forward;
import org.finetunelab.model.InferenceScope;
import org.finetunelab.model.Gpt;

/**
 * Cross-entropy of next-token prediction: −log p(target | context), averaged over the positions whose
 * weight is 1. Written out with log-softmax and gather so every step is visible (and so no op takes a
 * Java number, which DJL's autograd mishandles: see the model's constants).
 */
public final class LanguageModelLoss {
    /**
     * Logits computed at once by {@link #NEXT_TOKEN}: 4M numbers (16 MiB). The logits are the largest tensors of
     * a step (16 × 128 positions × 4,096 words = 32 MiB, and as much again for log-softmax and for each of their
     * gradients). glibc hands blocks that large straight back to the system when they are freed, so every step
     * would map and zero them afresh, page by page; blocks of 16 MiB stay in the process and are reused.
     */
    static final long CHUNK_NUMBERS = 1L << 22;

    /** Next-token prediction as a training objective. */
    public static final Objective NEXT_TOKEN = (model, f, batch, normalizer) ->
            chunkedLoss(model, f, model.hidden(f, batch.inputArray(f.manager()), null), batch.targetArray(f.manager()),
                    batch.weightArray(f.manager()), normalizer, CHUNK_NUMBERS);

    private LanguageModelLoss() {
    }

    /**
     * Sum of weighted token losses divided by {@code normalizer} (a scalar tensor in the pass's scope).
     * Dividing every micro-batch by the total weight of the whole accumulated batch makes gradient
     * accumulation give the same gradient as one big batch.
     */
    public static NDArray loss(Forward f, NDArray logits, NDArray targets, NDArray weights, NDArray normalizer) {
        return weightedLogProbSum(logits.reshape(-1, logits.getShape().get(2)), targets.reshape(-1, 1), weights.reshape(-1))
                .neg().div(normalizer);
    }

    /**
     * The same loss from the final hidden states (B, T, D), projecting onto the vocabulary a block of positions
     * at a time so that no logits tensor holds more than {@code chunkNumbers} numbers. The sum is the same;
     * autograd runs each block's backward pass separately.
     */
    static NDArray chunkedLoss(Gpt model, Forward f, NDArray hidden, NDArray targets, NDArray weights, NDArray normalizer,
                               long chunkNumbers) {
        NDArray rows = hidden.reshape(-1, hidden.getShape().get(2));
        NDArray targetRows = targets.reshape(-1, 1);
        NDArray weightRows = weights.reshape(-1);
        long positions = rows.getShape().get(0);
        long perChunk = Math.max(1, chunkNumbers / model.config().vocabSize());
        NDArray total = null;
        for (long start = 0; start < positions; start += perChunk) {
            NDIndex block = new NDIndex().addSliceDim(start, Math.min(positions, start + perChunk));
            NDArray part = weightedLogProbSum(model.logits(f, rows.get(block)), targetRows.get(block), weightRows.get(block));
            total = total == null ? part : total.add(part);
        }
        return total.neg().div(normalizer);
    }

    /** Σ weight · log p(target) over rows of logits (N, V), targets (N, 1) and weights (N). */
    private static NDArray weightedLogProbSum(NDArray logits, NDArray targets, NDArray weights) {
        NDArray logp = logits.logSoftmax(1);
        return logp.gather(targets, 1).reshape(-1).mul(weights).sum();
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
