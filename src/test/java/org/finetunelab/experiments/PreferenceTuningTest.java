package org.finetunelab.experiments;

import org.finetunelab.model.LanguageModel;
import org.finetunelab.text.PromptTemplate;
import org.finetunelab.text.instructions.TaskExample;
import org.finetunelab.text.instructions.TaskType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Best-of-n picks what the scorer prefers among the first n samples; behaviour counts every problem of an answer. */
class PreferenceTuningTest {
    private static final Path BASE = Path.of("data/models/base");

    private static TaskExample plural(String word, String plural) {
        return new TaskExample(TaskType.PLURAL, "What is the plural of " + word + "?", plural, List.of(plural), List.of(), 0);
    }

    @Test
    void behaviourCountsTheAnswersWithoutProblemsAndEachProblem() {
        List<TaskExample> prompts = List.of(plural("cat", "cats"), plural("dog", "dogs"), plural("fox", "foxes"));
        var b = PreferenceTuning.behaviour(prompts, List.of("cats", "dog", "foxes foxes foxes and so on and on, now stop bothering me"));
        assertEquals(3, b.answers());
        assertEquals(1, b.behaving());
        assertEquals(2.0 / 3, b.rate("wrong"), 1e-9, "dog and the run-on answer are wrong");
        assertEquals(1.0 / 3, b.rate("repeats itself"), 1e-9);
        assertEquals(1.0 / 3, b.rate("rude"), 1e-9);
        assertEquals(1.0 / 3, b.rate(), 1e-9);
    }

    @Test
    void bestOfNKeepsTheHighestScoredAmongTheFirstNSamples() {
        List<TaskExample> prompts = List.of(plural("cat", "cats"), plural("mouse", "mice"));
        // Samples in order; only a later sample is right, so n = 1 gets nothing and larger n finds it.
        List<List<String>> samples = List.of(
                List.of("cat", "kitten", "cats", "catz", "cattle"),
                List.of("mouses", "mices", "mouse", "meese", "mice"));
        // A scorer that prefers exactly the right answer: a perfect reward model.
        PreferenceTuning.Scorer oracle = (instruction, answers) -> {
            float[] out = new float[answers.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = answers.get(i).equals(instruction.contains("cat") ? "cats" : "mice") ? 1f : 0f;
            }
            return out;
        };
        Map<Integer, PreferenceTuning.Behaviour> best = PreferenceTuning.bestOfN(oracle, prompts, samples, 1, 3, 5);
        assertEquals(0.0, best.get(1).rate(), "n = 1 is the first sample");
        assertEquals(0.5, best.get(3).rate(), "the first three samples hold 'cats' but not 'mice'");
        assertEquals(1.0, best.get(5).rate());
        // A scorer that prefers the wrong answers never does better than the first sample.
        PreferenceTuning.Scorer contrary = (instruction, answers) -> {
            float[] right = oracle.score(instruction, answers);
            for (int i = 0; i < right.length; i++) {
                right[i] = -right[i];
            }
            return right;
        };
        assertEquals(0.0, PreferenceTuning.bestOfN(contrary, prompts, samples, 5).get(5).rate());
    }

    @Test
    @Tag("slow")
    void aCopyHasTheSameWeightsAndTrainingItLeavesTheOriginalAlone() throws Exception {
        try (LanguageModel original = LanguageModel.load(BASE); LanguageModel copy = PreferenceTuning.copyOf(original, BASE)) {
            var reward = PreferenceTuning.trainRewardModel(copy, PromptTemplate.CHAT,
                    PreferenceTuning.Settings.defaults().withSteps(2, 0), List.of());
            assertTrue(reward.lm() == copy);
            try (LanguageModel fresh = LanguageModel.load(BASE)) {
                var before = fresh.model().namedParameters();
                original.model().namedParameters().forEach((name, p) ->
                        assertArrayEquals(before.get(name).array().toFloatArray(), p.array().toFloatArray(), 0f, name));
                long changed = copy.model().namedParameters().entrySet().stream()
                        .filter(e -> before.containsKey(e.getKey()))
                        .filter(e -> !java.util.Arrays.equals(before.get(e.getKey()).array().toFloatArray(),
                                e.getValue().array().toFloatArray())).count();
                assertTrue(changed > 0, "the copy trained");
            }
        }
    }

    @Test
    @Tag("slow")
    void aRewardModelTrainedBrieflyRanksMostHeldOutPairsRight() throws Exception {
        try (LanguageModel start = LanguageModel.load(BASE)) {
            var settings = PreferenceTuning.Settings.defaults().withSteps(40, 0);
            var reward = PreferenceTuning.trainRewardModel(start, PromptTemplate.CHAT, settings, List.of());
            double accuracy = reward.pairwiseAccuracy(settings.heldOut());
            // Rambling, rude and repeating answers differ from their partners in plain sight: a coin gets 0.5.
            assertTrue(accuracy > 0.7, "held-out pairwise accuracy after 40 steps: " + accuracy);
        }
    }
}
