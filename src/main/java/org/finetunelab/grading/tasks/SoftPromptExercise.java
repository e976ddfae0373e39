package org.finetunelab.grading.tasks;

/**
 * Lesson 05: prompt tuning. P learned "virtual token" vectors (P × d) are put in front of every input's token
 * embeddings; only they train. Library counterpart: {@code org.finetunelab.peft.PromptTuning}.
 */
public interface SoftPromptExercise {
    /**
     * A prompt initialised from real words: row i is a copy of the embedding of token {@code tokenIds[i]}. Training the
     * prompt later must not change the vocabulary's embeddings.
     */
    double[][] initFromVocabulary(double[][] tokenEmbeddings, int[] tokenIds);

    /** Input embeddings (B × T × d) → (B × (P + T) × d): the prompt's P rows first in every row of the batch, then the input's. */
    double[][][] prepend(double[][] prompt, double[][][] inputs);

    /** Loss weights (B × T) → (B × (P + T)) to go with {@link #prepend}: the virtual tokens are never predicted, so they weigh 0. */
    double[][] extendWeights(double[][] weights, int promptLength);

    /** How many numbers prompt tuning trains: one vector of width d per virtual token, shared by the whole batch. */
    long trainableParameters(int promptLength, int width);
}
