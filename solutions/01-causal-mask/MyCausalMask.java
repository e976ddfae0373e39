import org.finetunelab.grading.tasks.CausalMaskExercise;

/**
 * Exercise · lesson 01 · the causal mask.
 *
 * Attention adds this mask to its scores before the softmax: 0 where query i may look at key j, a very large
 * negative number (at most -1e9) where it may not, so that the softmax gives those keys zero weight. A token may
 * look at itself and at every earlier token, never at a later one.
 *
 * With a KV cache, t new queries come after `past` positions that are already cached: query row i is then
 * position past + i, and the mask has past + t columns.
 *
 * What each method must do, exactly: the comments of CausalMaskExercise (src/main/java/org/finetunelab/grading/tasks/).
 * Grade it: ./lab grade causal-mask   (or in notebooks/exercises/Ex01-base-model.ipynb)
 */
class MyCausalMask implements CausalMaskExercise {
    private static final double HIDDEN = -1e9;

    @Override
    public double[][] mask(int t) {
        return maskWithCache(t, 0);
    }

    @Override
    public double[][] maskWithCache(int t, int past) {
        double[][] mask = new double[t][past + t];
        for (int i = 0; i < t; i++) {
            int position = past + i;   // where query i stands in the whole sequence
            for (int j = 0; j < past + t; j++) {
                mask[i][j] = j <= position ? 0.0 : HIDDEN;
            }
        }
        return mask;
    }
}
