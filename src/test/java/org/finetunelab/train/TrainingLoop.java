package org.finetunelab.train;

import ai.djl.Device;
import org.finetunelab.model.Gpt;
import org.finetunelab.model.GptConfig;

import java.nio.file.Path;
import java.util.List;

/**
 * A child process for {@link TrainingKillTest}: trains a small model, saving a checkpoint after every
 * step and resuming from the folder when it already holds one. Prints a line per checkpoint.
 */
public final class TrainingLoop {
    static final long STEPS = 60;

    static GptConfig config() {
        return new GptConfig(TrainerTest.VOCAB, 16, 64, 2, 2, 4, 0.1f, true, "gelu", 1e-5f);
    }

    static TrainConfig trainConfig() {
        return TrainConfig.defaults(STEPS).withCheckpointEvery(1);
    }

    static TokenWindows data() {
        return TokenWindows.builder(TrainerTest.patternStream(4000)).batchSize(4).windowLength(16).seed(3).build();
    }

    public static void main(String[] args) {
        Path folder = Path.of(args[0]);
        try (Gpt model = Gpt.create(config(), 7, Device.cpu());
             Trainer trainer = Trainer.builder(model).config(trainConfig()).train(data()).noValidation().build()) {
            trainer.checkpointTo(folder).addListener(new TrainingListener() {
                @Override
                public void onCheckpoint(long step, Path f) {
                    System.out.println("checkpoint " + step);
                    System.out.flush();
                }
            });
            trainer.fit();
        }
    }
}
