package org.finetunelab.peft;

import org.finetunelab.model.Gpt;
import org.finetunelab.train.StepRecord;
import org.finetunelab.train.TrainingListener;

/**
 * Gradual unfreezing (ULMFiT): training starts with only the top block (and the final LayerNorm, the
 * output layer and any task head) trainable; every {@code everySteps} steps one more block below joins,
 * and the embeddings come last. The top layers, which are the most task-specific, adapt first, and the
 * general knowledge in the lower layers is disturbed later and less.
 *
 * <p>Add it to the trainer: {@code trainer.addListener(FineTuning.gradualUnfreezing(model, 50))}.
 */
public final class GradualUnfreezing implements TrainingListener {
    private final Gpt model;
    private final int everySteps;
    private int unfrozenBlocks;

    GradualUnfreezing(Gpt model, int everySteps) {
        if (everySteps <= 0) {
            throw new IllegalArgumentException("gradual unfreezing: everySteps = " + everySteps
                    + " must be positive (steps between unfreezing one more block).");
        }
        this.model = model;
        this.everySteps = everySteps;
        BaseWeights.freezeBase(model);
        model.namedParameters().forEach((name, p) -> {
            if (name.startsWith("ln_f.") || name.startsWith("lm_head")) {
                p.setTrainable(true);
            }
        });
        unfreezeNext();
    }

    /** Blocks trainable now, counted from the top. */
    public int unfrozenBlocks() {
        return unfrozenBlocks;
    }

    @Override
    public void onStep(StepRecord record) {
        if ((record.step() + 1) % everySteps == 0) {
            unfreezeNext();
        }
    }

    private void unfreezeNext() {
        int layers = model.blocks().size();
        if (unfrozenBlocks < layers) {
            model.blocks().get(layers - 1 - unfrozenBlocks).setTrainable(true);
            unfrozenBlocks++;
        } else if (unfrozenBlocks == layers) {
            model.namedParameters().forEach((name, p) -> {
                if (name.startsWith("wte.") || name.startsWith("wpe.")) {
                    p.setTrainable(true);
                }
            });
            unfrozenBlocks++;
        }
    }
}
