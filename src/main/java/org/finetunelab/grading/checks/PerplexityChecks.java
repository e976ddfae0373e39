package org.finetunelab.grading.checks;

import org.finetunelab.grading.Check;
import org.finetunelab.grading.Submitted;
import org.finetunelab.grading.tasks.PerplexityExercise;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

/** Lesson 01: perplexity from log-probabilities. */
@ExtendWith(Submitted.class)
public class PerplexityChecks {

    // Mistake: the probability returned instead of its logarithm.
    @Check(points = 1, hint = "return log p, not p: equal logits over 4 tokens give log(1/4)")
    void equalLogitsGiveLogOfOneOverV(PerplexityExercise ppl) {
        double[][] logits = {{3, 3, 3, 3}};
        Expect.close(new double[]{Math.log(0.25)}, ppl.tokenLogProbs(logits, new int[]{2}), 1e-9, "tokenLogProbs of equal logits");
    }

    // Mistakes: the raw logit returned (no log-sum-exp), or the wrong column read.
    @Check(points = 2, hint = "log-softmax: the target's logit minus log of the sum of exp over the whole row")
    void picksTheTargetsLogProbability(PerplexityExercise ppl) {
        double[][] logits = {{2, 1, 0}, {0, 0, 1}};
        double lse0 = Math.log(Math.exp(2) + Math.exp(1) + 1);
        double lse1 = Math.log(2 + Math.exp(1));
        Expect.close(new double[]{1 - lse0, 0 - lse1}, ppl.tokenLogProbs(logits, new int[]{1, 0}), 1e-9, "tokenLogProbs");
    }

    // Mistake: exp(1000) overflows; take the row's maximum out of the exponentials (log-sum-exp).
    @Check(points = 2, hint = "log-sum-exp: log Σ exp(z) = max + log Σ exp(z − max), which never overflows")
    void survivesLargeLogits(PerplexityExercise ppl) {
        double[][] logits = {{1000, 999, 998}};
        double expected = -Math.log(1 + Math.exp(-1) + Math.exp(-2));
        Expect.close(new double[]{expected}, ppl.tokenLogProbs(logits, new int[]{0}), 1e-9, "tokenLogProbs of logits near 1000");
    }

    // Mistakes: the minus sign forgotten (a perplexity below 1), or 2^ used with natural logarithms.
    @Check(points = 2, hint = "perplexity = exp(−mean log p): a uniform guess over 8 tokens scores 8")
    void uniformGuessOverEightTokensScoresEight(PerplexityExercise ppl) {
        double lp = Math.log(1.0 / 8);
        Expect.close(8, ppl.perplexity(new double[]{lp, lp, lp}), 1e-9, "perplexity of log(1/8) three times");
    }

    // Mistakes: exp of the sum instead of the mean, or the mean of the probabilities inverted.
    @Check(points = 1, hint = "take the mean of the log-probabilities first, then exp(−mean)")
    void averagesTheLogsBeforeExponentiating(PerplexityExercise ppl) {
        Expect.close(4, ppl.perplexity(new double[]{Math.log(0.5), Math.log(0.125)}), 1e-9, "perplexity of [log 1/2, log 1/8]");
    }

    // Mistake: the mean of the texts' own perplexities, which lets a one-token text weigh as much as a long one.
    @Check(points = 2, hint = "pool the tokens of all texts, then take one mean: every token counts once")
    void countsEveryTokenOnceAcrossTexts(PerplexityExercise ppl) {
        double half = Math.log(0.5);
        double eighth = Math.log(0.125);
        double expected = Math.exp(-(half + 3 * eighth) / 4);
        Expect.close(expected, ppl.corpusPerplexity(List.of(new double[]{half}, new double[]{eighth, eighth, eighth})), 1e-9,
                "corpusPerplexity of a 1-token and a 3-token text");
    }
}
