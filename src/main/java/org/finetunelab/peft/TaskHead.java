package org.finetunelab.peft;

/**
 * Marks a block added to the model for a task (e.g. {@link ClassificationHead}). Fine-tuning methods freeze
 * the base model but leave task heads trainable: a new head always has to learn.
 */
public interface TaskHead {
}
