package org.finetunelab.peft;

import java.util.List;

/**
 * Settings of LoRA.
 *
 * @param rank          r, the inner width of the update A·B (typically 4–16)
 * @param alpha         the update is scaled by alpha / rank, so changing the rank does not change the step size
 * @param dropout       dropout on the layer input of the LoRA branch while training
 * @param targetModules which projections get an update: {@code c_attn} (q, k, v), {@code attn.c_proj},
 *                      {@code c_fc}, {@code mlp.c_proj}
 * @param seed          seeds the random initialisation of A
 */
public record LoraConfig(int rank, float alpha, float dropout, List<String> targetModules, long seed) {
    /** The projections LoRA can adapt in this model. */
    public static final List<String> VALID_TARGETS = List.of("c_attn", "attn.c_proj", "c_fc", "mlp.c_proj");

    public LoraConfig {
        if (rank <= 0) {
            throw new IllegalArgumentException("LoRA config field 'rank' = " + rank + " must be positive (try 8).");
        }
        if (!(alpha > 0)) {
            throw new IllegalArgumentException("LoRA config field 'alpha' = " + alpha + " must be positive (often 2·rank).");
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("LoRA config field 'dropout' = " + dropout + " must be in [0, 1).");
        }
        if (targetModules == null || targetModules.isEmpty()) {
            throw new IllegalArgumentException("LoRA config field 'targetModules' is empty: name at least one of "
                    + VALID_TARGETS + ".");
        }
        for (String t : targetModules) {
            if (!VALID_TARGETS.contains(t)) {
                throw new IllegalArgumentException("LoRA config field 'targetModules' names an unknown module '" + t
                        + "': the valid ones are " + VALID_TARGETS + ".");
            }
        }
        targetModules = List.copyOf(targetModules);
    }

    /** Rank r on the attention's q, k, v projection, alpha = 2r, no dropout. */
    public static LoraConfig attention(int rank) {
        return new LoraConfig(rank, 2f * rank, 0f, List.of("c_attn"), 42);
    }

    /** Rank r on every projection of attention and MLP. */
    public static LoraConfig allLinear(int rank) {
        return new LoraConfig(rank, 2f * rank, 0f, VALID_TARGETS, 42);
    }

    public LoraConfig withDropout(float p) {
        return new LoraConfig(rank, alpha, p, targetModules, seed);
    }

    public LoraConfig withAlpha(float a) {
        return new LoraConfig(rank, a, dropout, targetModules, seed);
    }

    public LoraConfig withSeed(long s) {
        return new LoraConfig(rank, alpha, dropout, targetModules, s);
    }

    /** The factor applied to A·B. */
    public float scale() {
        return alpha / rank;
    }
}
