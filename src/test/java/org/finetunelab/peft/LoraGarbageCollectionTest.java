package org.finetunelab.peft;

import ai.djl.Device;
import org.finetunelab.model.Gpt;
import org.finetunelab.model.GptConfig;
import org.finetunelab.train.StepRecord;
import org.finetunelab.train.TokenWindows;
import org.finetunelab.train.TrainConfig;
import org.finetunelab.train.Trainer;
import org.finetunelab.train.TrainingListener;
import org.finetunelab.train.TrainingResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bug this guards against: DJL ops that take a Java number (x.mul(alpha / r)) wrap it in a tensor over
 * a buffer the garbage collector may free before backward reads it, which turned LoRA training NaN right
 * after the first collections. The model passes constants as tensors that live until backward, so a long
 * LoRA run with collections forced all the time must stay finite and keep learning.
 */
@Tag("slow")
class LoraGarbageCollectionTest {

    @Test
    void aThousandLoraStepsWithForcedCollectionsStayFinite() {
        int vocab = 40;
        int[] stream = new int[6000];
        Random r = new Random(3);
        for (int i = 0; i < stream.length; i++) {
            stream[i] = i % 7 == 0 ? r.nextInt(vocab) : (stream[Math.max(0, i - 1)] + 3) % vocab;
        }
        TokenWindows data = TokenWindows.builder(stream).batchSize(4).windowLength(16).seed(5).build();
        GptConfig config = new GptConfig(vocab, 16, 32, 2, 2, 4, 0.1f, true, "gelu_new", 1e-5f);
        try (Gpt model = Gpt.create(config, 1, Device.cpu())) {
            FineTuning.lora(model, new LoraConfig(4, 16f, 0.05f, LoraConfig.VALID_TARGETS, 2));
            try (Trainer trainer = Trainer.builder(model).config(TrainConfig.defaults(1000).withLearningRate(3e-3f, 3e-4f)).train(data).noValidation().build()) {
                trainer.addListener(new TrainingListener() {
                    @Override
                    public void onStep(StepRecord s) {
                        assertTrue(Double.isFinite(s.trainLoss()) && Double.isFinite(s.gradNorm()),
                                "step " + s.step() + ": loss " + s.trainLoss() + ", gradient norm " + s.gradNorm());
                        if (s.step() % 5 == 0) {
                            System.gc();
                        }
                    }
                });
                TrainingResult result = trainer.fit();
                double first = result.history().records().get(0).trainLoss();
                assertTrue(result.finalTrainLoss() < first - 0.2, "LoRA did not learn: " + first + " → " + result.finalTrainLoss());
            }
        }
    }
}
