package org.finetunelab.peft;

import org.finetunelab.model.Gpt;
import org.finetunelab.train.PreferenceFixtures;
import org.finetunelab.train.PairBatches;
import org.finetunelab.train.TrainConfig;
import org.finetunelab.train.Trainer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reward head learns which answer of a pair is preferred: the pairwise (Bradley–Terry) loss at work. */
class RewardHeadTest {
    @Test
    void afterTrainingTheChosenAnswersGetTheHigherReward() {
        try (Gpt model = PreferenceFixtures.model()) {
            FineTuning.full(model);
            RewardHead head = RewardHead.attach(model);
            PairBatches batches = PreferenceFixtures.batches();
            double before = head.pairwiseAccuracy(model, batches.inOrder());
            TrainConfig config = TrainConfig.defaults(60).withLearningRate(1e-2f, 1e-3f).withEvaluation(0, 0);
            try (Trainer trainer = Trainer.builder(model).config(config).train(batches).noValidation()
                    .objective(head.objective()).build()) {
                double loss = trainer.fit().finalTrainLoss();
                assertTrue(loss < 0.2, "the pairwise loss fell from log 2: " + loss);
            }
            assertEquals(1.0, head.pairwiseAccuracy(model, batches.inOrder()), "was " + before + " before training");
        }
    }
}
