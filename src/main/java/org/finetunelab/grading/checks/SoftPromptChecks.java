package org.finetunelab.grading.checks;

import org.finetunelab.grading.Check;
import org.finetunelab.grading.Submitted;
import org.finetunelab.grading.tasks.SoftPromptExercise;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Lesson 05: a soft prompt. */
@ExtendWith(Submitted.class)
public class SoftPromptChecks {
    static final double[][] VOCAB = {{0, 0}, {1, 1}, {2, 4}, {3, 9}, {4, 16}};
    static final double[][] PROMPT = {{-1, -1}, {-2, -2}};

    static double[][][] batch() {
        return new double[][][]{{{10, 10}, {11, 11}, {12, 12}}, {{20, 20}, {21, 21}, {22, 22}}};
    }

    // Mistake: rows taken in order (0, 1, …) instead of the rows of the given token ids.
    @Check(points = 2, hint = "row i of the prompt is the embedding of token tokenIds[i]")
    void startsFromTheChosenWords(SoftPromptExercise soft) {
        Expect.close(new double[][]{{3, 9}, {1, 1}}, soft.initFromVocabulary(Expect.copy(VOCAB), new int[]{3, 1}), 0,
                "initFromVocabulary(ids 3, 1)");
    }

    // Mistake: the prompt's rows are the vocabulary's own arrays, so training the prompt rewrites those words.
    @Check(points = 2, hint = "copy the rows (clone()): the prompt trains, the vocabulary must not change with it")
    void trainingThePromptLeavesTheVocabularyAlone(SoftPromptExercise soft) {
        double[][] vocab = Expect.copy(VOCAB);
        double[][] prompt = soft.initFromVocabulary(vocab, new int[]{2, 4});
        prompt[0][0] += 100;   // what a training step does
        prompt[1][1] -= 100;
        Expect.close(VOCAB, vocab, 0, "the vocabulary after training the prompt");
    }

    // Mistake: the prompt appended after the input instead of put in front of it.
    @Check(points = 2, hint = "the virtual tokens come first: positions 0..P-1 are the prompt, then the input")
    void putsThePromptInFront(SoftPromptExercise soft) {
        double[][][] out = soft.prepend(PROMPT, batch());
        assertNotNull(out, "prepend returned null");
        Expect.close(new double[][]{{-1, -1}, {-2, -2}, {10, 10}, {11, 11}, {12, 12}}, out[0], 0, "row 0 of the batch");
    }

    // Mistake: the prompt put in front of the first row of the batch only.
    @Check(points = 1, hint = "every row of the batch gets the same prompt in front")
    void everyRowOfTheBatchGetsThePrompt(SoftPromptExercise soft) {
        double[][][] out = soft.prepend(PROMPT, batch());
        assertEquals(2, out.length, "rows of the batch");
        Expect.close(new double[][]{{-1, -1}, {-2, -2}, {20, 20}, {21, 21}, {22, 22}}, out[1], 0, "row 1 of the batch");
    }

    // Mistakes: the virtual tokens weighted 1 (a loss on positions nothing should be predicted for), or the zeros put
    // at the end, which shifts every real weight off its token.
    @Check(points = 2, hint = "P zeros in front of each row's weights, then the weights as they were")
    void theVirtualTokensWeighNothing(SoftPromptExercise soft) {
        double[][] out = soft.extendWeights(new double[][]{{0, 1, 1}, {1, 1, 0}}, 2);
        Expect.close(new double[][]{{0, 0, 0, 1, 1}, {0, 0, 1, 1, 0}}, out, 0, "extendWeights(…, 2)");
    }

    // Mistake: counting the prompt once per row of the batch, or per token of the vocabulary.
    @Check(points = 1, hint = "P vectors of width d, shared by the whole batch: P × d")
    void countsOneVectorPerVirtualToken(SoftPromptExercise soft) {
        assertEquals(3840, soft.trainableParameters(20, 192), "trainableParameters(20 virtual tokens, width 192)");
    }
}
