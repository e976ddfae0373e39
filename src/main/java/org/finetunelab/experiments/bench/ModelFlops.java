package org.finetunelab.experiments.bench;

import org.finetunelab.model.Gpt;
import org.finetunelab.model.GptConfig;

/**
 * How many floating-point operations training spends per token, counted from the model's shape (the
 * usual "6N" rule, made exact for this architecture).
 *
 * <p>N is the number of weights that multiply every token: all parameters of the blocks and the final
 * LayerNorm, plus the output projection (vocab·d, also when it is tied to the token embedding). The
 * embedding lookups are left out: they copy rows and multiply nothing.
 * <ul>
 *   <li>forward: 2·N per token (one multiply and one add per weight), plus attention's q·kᵀ and
 *       weights·v, 2·2·T·d per layer (counted over the full T×T square, as is usual, although the causal
 *       mask makes half of it useless);</li>
 *   <li>full fine-tuning: backward costs twice the forward (gradients for the inputs and the weights):
 *       6·N + 12·L·T·d;</li>
 *   <li>LoRA: the frozen weights need no weight gradient, so backward is one forward's worth for them:
 *       4·N + 12·L·T·d (the adapters' own few FLOPs are part of N).</li>
 * </ul>
 */
public final class ModelFlops {
    private ModelFlops() {
    }

    /** N: the weights every token is multiplied with (see the class comment). */
    public static long matmulWeights(Gpt model) {
        GptConfig c = model.config();
        long embeddings = model.namedParameters().entrySet().stream()
                .filter(e -> e.getKey().startsWith("wte.") || e.getKey().startsWith("wpe.") || e.getKey().startsWith("lm_head."))
                .mapToLong(e -> e.getValue().size()).sum();
        return model.parameterCount() - embeddings + (long) c.vocabSize() * c.dModel();
    }

    /** Attention's score and mixing products per token, forward and backward: 12·L·T·d. */
    public static long attentionFlops(GptConfig c) {
        return 12L * c.nLayers() * c.contextLength() * c.dModel();
    }

    /** Training FLOPs per token: 6·N + 12·L·T·d when every weight trains, 4·N + 12·L·T·d when the base is frozen. */
    public static long trainingFlopsPerToken(Gpt model, boolean baseFrozen) {
        return (baseFrozen ? 4 : 6) * matmulWeights(model) + attentionFlops(model.config());
    }
}
