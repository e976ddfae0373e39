import org.finetunelab.grading.Check;
import org.finetunelab.grading.Submitted;
import org.finetunelab.grading.checks.Expect;
import org.finetunelab.grading.tasks.SoftPromptExercise;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Lesson 05, a soft prompt: the instructor's checks. */
@ExtendWith(Submitted.class)
public class SoftPromptInstructorChecks {

    // Mistake: every row given the first row's length (a batch of unequal rows loses or invents positions).
    @Check(points = 1, hint = "each row keeps its own length: P + that row's T")
    void rowsOfDifferentLengths(SoftPromptExercise soft) {
        double[][] prompt = {{7, 7}};
        double[][][] inputs = {{{1, 1}}, {{2, 2}, {3, 3}, {4, 4}}};
        double[][][] out = soft.prepend(prompt, inputs);
        Expect.close(new double[][]{{7, 7}, {1, 1}}, out[0], 0, "row 0 (one token)");
        Expect.close(new double[][]{{7, 7}, {2, 2}, {3, 3}, {4, 4}}, out[1], 0, "row 1 (three tokens)");
    }

    // Mistake: the same word chosen twice yields one shared array, so training one virtual token moves the other.
    @Check(points = 1, hint = "each virtual token is a copy of its own: the same word twice gives two separate vectors")
    void theSameWordTwiceGivesTwoVectors(SoftPromptExercise soft) {
        double[][] vocab = {{1, 2}, {3, 4}};
        double[][] prompt = soft.initFromVocabulary(vocab, new int[]{1, 1});
        prompt[0][0] = 99;
        assertEquals(3.0, prompt[1][0], "virtual token 1 after training virtual token 0");
    }

    // Mistake: weights extended by the first row's length only.
    @Check(points = 1, hint = "extend each row of the weights by its own length")
    void weightsOfDifferentLengths(SoftPromptExercise soft) {
        double[][] out = soft.extendWeights(new double[][]{{1}, {0, 1, 1}}, 3);
        Expect.close(new double[]{0, 0, 0, 1}, out[0], 0, "row 0 of extendWeights(…, 3)");
        Expect.close(new double[]{0, 0, 0, 0, 1, 1}, out[1], 0, "row 1 of extendWeights(…, 3)");
    }
}
