package org.finetunelab.model;

import java.util.Arrays;
import java.util.Random;

/**
 * Turns the logits of the last position into the next token id: greedy, or sampling with temperature,
 * top-k and top-p (nucleus) filtering. Plain Java on a float array: it is a few thousand numbers.
 */
public final class Sampler {
    private final GenerationConfig config;
    private final Random random;

    public Sampler(GenerationConfig config) {
        this.config = config;
        this.random = new Random(config.seed());
    }

    public int next(float[] logits) {
        if (config.temperature() == 0) {
            return argMax(logits);
        }
        int n = logits.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Float.compare(logits[b], logits[a]));   // most likely first
        int keep = config.topK() > 0 ? Math.min(config.topK(), n) : n;
        // Softmax with temperature over the kept tokens (subtracting the max keeps exp() finite).
        double max = logits[order[0]];
        double[] p = new double[keep];
        double sum = 0;
        for (int i = 0; i < keep; i++) {
            p[i] = Math.exp((logits[order[i]] - max) / config.temperature());
            sum += p[i];
        }
        // Nucleus: the smallest set of top tokens whose probability reaches topP.
        double cumulative = 0;
        int nucleus = keep;
        for (int i = 0; i < keep; i++) {
            cumulative += p[i] / sum;
            if (cumulative >= config.topP()) {
                nucleus = i + 1;
                break;
            }
        }
        double total = 0;
        for (int i = 0; i < nucleus; i++) {
            total += p[i];
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < nucleus; i++) {
            r -= p[i];
            if (r <= 0) {
                return order[i];
            }
        }
        return order[nucleus - 1];
    }

    static int argMax(float[] a) {
        int best = 0;
        for (int i = 1; i < a.length; i++) {
            if (a[i] > a[best]) {
                best = i;
            }
        }
        return best;
    }
}
