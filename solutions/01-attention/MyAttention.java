import org.finetunelab.grading.tasks.AttentionExercise;

/**
 * Exercise · lesson 01 · scaled dot-product attention (one head).
 *
 *   weights = softmax(q·kᵀ / √d  (+ causal mask))      one softmax per query row, over the keys
 *   output  = weights · v
 *
 * q is (T × d), k and v have one row per key. Dividing by √d keeps the scores near unit size however wide the
 * head is, so the softmax does not saturate. With causal = true, query i sees only keys j ≤ i.
 *
 * What each method must do, exactly: the comments of AttentionExercise (src/main/java/org/finetunelab/grading/tasks/).
 * Grade it: ./lab grade attention   (or in notebooks/exercises/Ex01-base-model.ipynb)
 */
class MyAttention implements AttentionExercise {
    @Override
    public double[] softmax(double[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double[] p = new double[scores.length];
        double sum = 0;
        for (int j = 0; j < scores.length; j++) {
            p[j] = Math.exp(scores[j] - max);   // subtracting the maximum keeps exp() from overflowing
            sum += p[j];
        }
        for (int j = 0; j < p.length; j++) {
            p[j] /= sum;
        }
        return p;
    }

    @Override
    public double[][] weights(double[][] q, double[][] k, boolean causal) {
        int d = q[0].length;
        double scale = 1.0 / Math.sqrt(d);
        double[][] weights = new double[q.length][];
        for (int i = 0; i < q.length; i++) {
            double[] scores = new double[k.length];
            for (int j = 0; j < k.length; j++) {
                double dot = 0;
                for (int c = 0; c < d; c++) {
                    dot += q[i][c] * k[j][c];
                }
                scores[j] = dot * scale;
                if (causal && j > i) {
                    scores[j] = Double.NEGATIVE_INFINITY;   // a later key: weight exactly 0 after the softmax
                }
            }
            weights[i] = softmax(scores);
        }
        return weights;
    }

    @Override
    public double[][] attend(double[][] q, double[][] k, double[][] v, boolean causal) {
        double[][] weights = weights(q, k, causal);
        double[][] out = new double[q.length][v[0].length];
        for (int i = 0; i < q.length; i++) {
            for (int j = 0; j < k.length; j++) {
                for (int c = 0; c < v[0].length; c++) {
                    out[i][c] += weights[i][j] * v[j][c];
                }
            }
        }
        return out;
    }
}
