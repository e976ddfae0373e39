package org.finetunelab.train;

import ai.djl.ndarray.NDArray;
import org.finetunelab.model.Forward;
import org.finetunelab.model.Gpt;

/**
 * What training minimises for one batch: next-token prediction ({@link LanguageModelLoss}), a
 * classification loss, an instruction-tuning loss, ... The trainer only needs a scalar it can
 * differentiate.
 */
@FunctionalInterface
public interface Objective {
    /**
     * @param normalizer the total weight of the whole (accumulated) batch, as a scalar tensor in the pass's
     *                   scope; dividing by it makes micro-batches add up to the mean over the full batch
     * @return a scalar tensor in the pass's scope
     */
    NDArray loss(Gpt model, Forward f, Batch batch, NDArray normalizer);
}
