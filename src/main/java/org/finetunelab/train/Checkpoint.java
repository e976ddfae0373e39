package org.finetunelab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import org.finetunelab.model.Parameter;
import org.finetunelab.io.AtomicFiles;
import org.finetunelab.model.io.SafeTensors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A training checkpoint: everything needed to continue a run exactly where it stopped.
 * <ul>
 *   <li>{@code weights.safetensors} — the trainable parameters (frozen ones come from the base model);</li>
 *   <li>{@code optimizer.safetensors} — AdamW's moment estimates;</li>
 *   <li>{@code trainer.json} — the next step, the best validation result, the history so far and the
 *       training config (a resumed run must use the same one).</li>
 * </ul>
 * The learning rate and the batches are pure functions of the step, so nothing else is needed. The folder
 * is replaced atomically: killing the process during a save leaves the previous checkpoint loadable.
 */
public final class Checkpoint {
    static final String WEIGHTS = "weights.safetensors";
    static final String OPTIMIZER = "optimizer.safetensors";
    static final String STATE = "trainer.json";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

    private Checkpoint() {
    }

    /** The progress part of a checkpoint, stored as JSON. */
    record State(int format, long nextStep, long optimizerSteps, double bestValLoss, long bestStep,
                 int evalsWithoutImprovement, TrainConfig config, List<StepRecord> history) {
    }

    public static boolean exists(Path folder) {
        try {
            return Files.isRegularFile(AtomicFiles.resolveDirectory(folder).resolve(STATE));
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    static void save(Path folder, Trainer trainer) {
        Map<String, NDArray> weights = new LinkedHashMap<>();
        trainer.model().trainableParameters().forEach((name, p) -> weights.put(name, p.array()));
        State state = new State(1, trainer.nextStep(), trainer.optimizer().steps(), trainer.bestValLoss(),
                trainer.bestStep(), trainer.evalsWithoutImprovement(), trainer.config(),
                trainer.history().records());
        try {
            AtomicFiles.writeDirectory(folder, tmp -> {
                SafeTensors.write(tmp.resolve(WEIGHTS), weights, Map.of("format", "finetune-lab checkpoint"));
                SafeTensors.write(tmp.resolve(OPTIMIZER), trainer.optimizer().state(), Map.of());
                Files.writeString(tmp.resolve(STATE), GSON.toJson(state), StandardCharsets.UTF_8);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the checkpoint to " + folder + ": " + e.getMessage()
                    + " (is the disk full or the folder read-only?)", e);
        }
    }

    static void restore(Path folder, Trainer trainer) {
        try {
            Path dir = AtomicFiles.resolveDirectory(folder);
            State state = readState(dir.resolve(STATE));
            // How often checkpoints are written does not change the run, so it may differ; nothing else may.
            if (!state.config().withCheckpointEvery(0).equals(trainer.config().withCheckpointEvery(0))) {
                throw new IllegalArgumentException("the checkpoint in " + dir + " was made with a different training "
                        + "config:\n  saved: " + state.config() + "\n  now:   " + trainer.config()
                        + "\nUse the same settings to resume, or a new checkpoint folder to start over.");
            }
            Map<String, Parameter> trainable = trainer.model().trainableParameters();
            try (NDManager scope = trainer.model().newScope()) {
                Map<String, NDArray> weights = SafeTensors.read(dir.resolve(WEIGHTS), scope);
                for (Map.Entry<String, Parameter> e : trainable.entrySet()) {
                    NDArray saved = weights.get(e.getKey());
                    if (saved == null) {
                        throw new IllegalArgumentException(dir.resolve(WEIGHTS) + " lacks tensor '" + e.getKey()
                                + "': the checkpoint was made for a different model or fine-tuning method.");
                    }
                    e.getValue().copyFrom(saved);
                }
                trainer.optimizer().load(SafeTensors.read(dir.resolve(OPTIMIZER), scope), state.optimizerSteps(), trainable);
            }
            trainer.history().truncateFrom(0);
            state.history().forEach(trainer.history()::add);
            trainer.restoreProgress(state.nextStep(), state.bestValLoss(), state.bestStep(), state.evalsWithoutImprovement());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the checkpoint in " + folder + ": " + e.getMessage(), e);
        }
    }

    private static State readState(Path file) throws IOException {
        try {
            State s = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), State.class);
            if (s == null || s.config() == null || s.history() == null) {
                throw new IllegalArgumentException(file + " is incomplete: expected nextStep, config and history.");
            }
            return s;
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(file + " is not valid JSON (" + e.getMessage() + "): the checkpoint is damaged;"
                    + " delete the folder to start over.", e);
        }
    }
}
