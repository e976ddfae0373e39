import org.finetunelab.grading.Check;
import org.finetunelab.grading.Submitted;
import org.finetunelab.grading.checks.Expect;
import org.finetunelab.grading.tasks.PerplexityExercise;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Random;

/** Lesson 01, perplexity: the instructor's checks. */
@ExtendWith(Submitted.class)
public class PerplexityInstructorChecks {

    // Mistake: log-sum-exp without adding the maximum back (right only when the maximum is 0).
    @Check(points = 2, hint = "log Σ exp(z) = max + log Σ exp(z − max): add the maximum back")
    void manyTokensWithNegativeLogits(PerplexityExercise ppl) {
        Random rng = new Random(21);
        double[][] logits = new double[6][30];
        int[] targets = new int[6];
        double[] expected = new double[6];
        for (int t = 0; t < 6; t++) {
            double sum = 0;
            for (int v = 0; v < 30; v++) {
                logits[t][v] = -5 - 10 * rng.nextDouble();
                sum += Math.exp(logits[t][v]);
            }
            targets[t] = rng.nextInt(30);
            expected[t] = logits[t][targets[t]] - Math.log(sum);
        }
        Expect.close(expected, ppl.tokenLogProbs(logits, targets), 1e-9, "tokenLogProbs of negative logits");
    }

    // Mistake: the mean of the texts' perplexities: an empty text then gives NaN (0/0) and poisons the whole corpus.
    @Check(points = 1, hint = "an empty text adds no tokens: pool the tokens, then divide once")
    void anEmptyTextAddsNothing(PerplexityExercise ppl) {
        double lp = Math.log(0.25);
        Expect.close(4, ppl.corpusPerplexity(List.of(new double[]{lp, lp}, new double[0], new double[]{lp})), 1e-9,
                "corpusPerplexity with an empty text among others");
    }

    // Mistake: 2^(−mean) with natural logarithms (perplexity in bits needs log₂ throughout).
    @Check(points = 1, hint = "natural logarithms go with exp(): a uniform guess over 3 tokens scores 3")
    void aUniformGuessOverThreeTokensScoresThree(PerplexityExercise ppl) {
        Expect.close(3, ppl.perplexity(new double[]{Math.log(1.0 / 3)}), 1e-9, "perplexity of log(1/3)");
    }
}
