package org.finetunelab.grading.tasks;

import java.util.Map;
import java.util.Set;

/**
 * Lesson 02: counting and freezing parameters. A model's parameters are named arrays: {@code "wte.weight"} (the
 * token embeddings), {@code "wpe.weight"} (the position embeddings), {@code "h.0.attn.c_attn.weight"} (block 0),
 * …, {@code "ln_f.bias"}. Library counterpart: {@code FineTuning.freeze} and {@code FineTuning.bitFit}.
 */
public interface ParameterCountExercise {
    /** How many numbers a parameter of this shape holds: the product of its dimensions; a scalar (shape {@code []}) holds 1. */
    long size(int[] shape);

    /** How many numbers all the parameters hold together (name → shape). Real models pass 2³¹, so count in {@code long}. */
    long total(Map<String, int[]> parameters);

    /**
     * The names that stay trainable when the embeddings (names starting {@code "wte."} or {@code "wpe."}) and the
     * bottom {@code frozenBlocks} transformer blocks ({@code "h.0."} … {@code "h.<frozenBlocks-1>."}) are frozen.
     */
    Set<String> trainableAfterFreezing(Set<String> names, int frozenBlocks);

    /** The names BitFit trains: only the biases, the parameters whose name ends in {@code ".bias"}. */
    Set<String> bitFit(Set<String> names);

    /** The trainable share of all numbers, in percent (0–100), e.g. 1.05 for LoRA on the attention. */
    double trainablePercent(Map<String, int[]> parameters, Set<String> trainable);
}
