package org.finetunelab.train;

/**
 * Where training batches come from. A batch is a pure function of its index, so a resumed run sees
 * exactly the batches the interrupted run would have seen, without saving any iterator state.
 */
public interface BatchSource {
    Batch batch(long index);

    /** Sequences per batch. */
    int batchSize();

    /** Tokens per sequence. */
    int sequenceLength();
}
