package org.finetunelab.eval;

import org.finetunelab.model.Gpt;
import org.finetunelab.train.Batch;
import org.finetunelab.train.LanguageModelLoss;

import java.util.ArrayList;
import java.util.List;

/**
 * Log-probability of a continuation given a context, for many pairs at once: log p(continuation | context)
 * = Σ log p(token | everything before it). Pairs are padded into batches; padding never counts.
 */
public final class SequenceScorer {
    private final Gpt model;
    private final int batchSize;

    public SequenceScorer(Gpt model, int batchSize) {
        this.model = model;
        this.batchSize = batchSize;
    }

    /** One scoring request: context ids followed by continuation ids. */
    public record Pair(int[] context, int[] continuation) {
        public Pair {
            if (context.length == 0 || continuation.length == 0) {
                throw new IllegalArgumentException("both the context and the continuation need at least one token");
            }
        }
    }

    /** Per pair: the summed log-probability of the continuation, and its token count. */
    public record Score(double logProb, int tokens) {
    }

    public List<Score> score(List<Pair> pairs) {
        int window = model.config().contextLength() - model.promptLength();
        List<Score> out = new ArrayList<>(pairs.size());
        for (int start = 0; start < pairs.size(); start += batchSize) {
            List<Pair> chunk = pairs.subList(start, Math.min(pairs.size(), start + batchSize));
            int length = 0;
            List<int[]> sequences = new ArrayList<>();
            for (Pair p : chunk) {
                int[] seq = new int[p.context.length + p.continuation.length];
                System.arraycopy(p.context, 0, seq, 0, p.context.length);
                System.arraycopy(p.continuation, 0, seq, p.context.length, p.continuation.length);
                if (p.continuation.length + 1 > window) {
                    throw new IllegalArgumentException("a continuation of " + p.continuation.length
                            + " tokens does not fit the model's context of " + window + " tokens");
                }
                // Keep the end: the continuation and as much context as fits.
                int from = Math.max(0, seq.length - (window + 1));
                int[] kept = java.util.Arrays.copyOfRange(seq, from, seq.length);
                sequences.add(kept);
                length = Math.max(length, kept.length - 1);
            }
            int rows = chunk.size();
            long[] in = new long[rows * length];
            long[] tg = new long[rows * length];
            float[] w = new float[rows * length];
            for (int r = 0; r < rows; r++) {
                int[] seq = sequences.get(r);
                int firstTarget = seq.length - 1 - chunk.get(r).continuation.length;   // index into targets
                for (int j = 0; j < seq.length - 1; j++) {
                    in[r * length + j] = seq[j];
                    tg[r * length + j] = seq[j + 1];
                    w[r * length + j] = j >= firstTarget ? 1f : 0f;
                }
            }
            float[] logp = LanguageModelLoss.tokenLogProbs(model, new Batch(rows, length, in, tg, w));
            for (int r = 0; r < rows; r++) {
                double sum = 0;
                int n = 0;
                for (int j = 0; j < length; j++) {
                    if (w[r * length + j] > 0) {
                        sum += logp[r * length + j];
                        n++;
                    }
                }
                out.add(new Score(sum, n));
            }
        }
        return out;
    }
}
