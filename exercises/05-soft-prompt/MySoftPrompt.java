import org.finetunelab.grading.tasks.SoftPromptExercise;

/**
 * Exercise · lesson 05 · a soft prompt (prompt tuning).
 *
 * P learned vectors, the "virtual tokens", go in front of every input's token embeddings; only they train. They can
 * start as copies of real words' embeddings. The loss weights get P zeros in front to match: nothing predicts the
 * virtual tokens.
 *
 * What each method must do, exactly: the comments of SoftPromptExercise (src/main/java/org/finetunelab/grading/tasks/).
 * Grade it: ./lab grade soft-prompt   (or in notebooks/exercises/Ex05-prompt-tuning.ipynb)
 */
class MySoftPrompt implements SoftPromptExercise {
    @Override
    public double[][] initFromVocabulary(double[][] tokenEmbeddings, int[] tokenIds) {
        throw new UnsupportedOperationException("TODO: write MySoftPrompt.initFromVocabulary");
    }

    @Override
    public double[][][] prepend(double[][] prompt, double[][][] inputs) {
        throw new UnsupportedOperationException("TODO: write MySoftPrompt.prepend");
    }

    @Override
    public double[][] extendWeights(double[][] weights, int promptLength) {
        throw new UnsupportedOperationException("TODO: write MySoftPrompt.extendWeights");
    }

    @Override
    public long trainableParameters(int promptLength, int width) {
        throw new UnsupportedOperationException("TODO: write MySoftPrompt.trainableParameters");
    }
}
