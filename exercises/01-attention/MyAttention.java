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
        throw new UnsupportedOperationException("TODO: write MyAttention.softmax");
    }

    @Override
    public double[][] weights(double[][] q, double[][] k, boolean causal) {
        throw new UnsupportedOperationException("TODO: write MyAttention.weights");
    }

    @Override
    public double[][] attend(double[][] q, double[][] k, double[][] v, boolean causal) {
        throw new UnsupportedOperationException("TODO: write MyAttention.attend");
    }
}
