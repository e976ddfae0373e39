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
        double[][] prompt = new double[tokenIds.length][];
        for (int i = 0; i < tokenIds.length; i++) {
            prompt[i] = tokenEmbeddings[tokenIds[i]].clone();   // a copy: training the prompt must not change the vocabulary
        }
        return prompt;
    }

    @Override
    public double[][][] prepend(double[][] prompt, double[][][] inputs) {
        int p = prompt.length;
        double[][][] out = new double[inputs.length][][];
        for (int b = 0; b < inputs.length; b++) {
            int t = inputs[b].length;
            out[b] = new double[p + t][];
            for (int i = 0; i < p; i++) {
                out[b][i] = prompt[i].clone();
            }
            for (int i = 0; i < t; i++) {
                out[b][p + i] = inputs[b][i].clone();
            }
        }
        return out;
    }

    @Override
    public double[][] extendWeights(double[][] weights, int promptLength) {
        double[][] out = new double[weights.length][];
        for (int b = 0; b < weights.length; b++) {
            out[b] = new double[promptLength + weights[b].length];   // the first promptLength stay 0
            System.arraycopy(weights[b], 0, out[b], promptLength, weights[b].length);
        }
        return out;
    }

    @Override
    public long trainableParameters(int promptLength, int width) {
        return (long) promptLength * width;
    }
}
