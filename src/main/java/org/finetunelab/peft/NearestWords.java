package org.finetunelab.peft;

import org.finetunelab.model.Gpt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The vocabulary tokens whose embeddings point most nearly the same way as a vector: the usual way to ask what a
 * learned virtual token "means". Similarity is the cosine between the vector and each row of the model's token
 * embedding table; 1 means the same direction, 0 unrelated. A soft prompt that drifted off the vocabulary shows
 * it as a low best cosine: no word lies near it.
 */
public final class NearestWords {
    /** One vocabulary token and its cosine similarity to the vector asked about. */
    public record Neighbour(int tokenId, double cosine) {
    }

    private NearestWords() {
    }

    /** The {@code k} tokens nearest to each row of {@code vectors} (rows × d), most similar first. */
    public static List<List<Neighbour>> of(Gpt model, float[][] vectors, int k) {
        int d = model.config().dModel();
        int vocab = model.wte().rows();
        if (k <= 0 || k > vocab) {
            throw new IllegalArgumentException("nearest words: k = " + k + " must be between 1 and the vocabulary size " + vocab);
        }
        float[] table = model.wte().table().array().toFloatArray();
        double[] norms = new double[vocab];
        for (int t = 0; t < vocab; t++) {
            norms[t] = norm(table, t * d, d);
        }
        List<List<Neighbour>> out = new ArrayList<>();
        for (int r = 0; r < vectors.length; r++) {
            float[] v = vectors[r];
            if (v.length != d) {
                throw new IllegalArgumentException("nearest words: vector " + r + " has " + v.length
                        + " numbers; the model's embeddings have " + d);
            }
            double vNorm = norm(v, 0, d);
            Neighbour[] all = new Neighbour[vocab];
            for (int t = 0; t < vocab; t++) {
                double dot = 0;
                for (int i = 0; i < d; i++) {
                    dot += (double) v[i] * table[t * d + i];
                }
                double denominator = vNorm * norms[t];
                all[t] = new Neighbour(t, denominator == 0 ? 0 : dot / denominator);
            }
            Arrays.sort(all, (a, b) -> Double.compare(b.cosine(), a.cosine()));
            out.add(List.of(Arrays.copyOf(all, k)));
        }
        return out;
    }

    /** The rows of a (rows × d) weight, e.g. a prompt's {@link PromptTuning#embedding()}, as Java arrays. */
    public static float[][] rows(org.finetunelab.model.Parameter weight) {
        long[] shape = weight.array().getShape().getShape();
        if (shape.length != 2) {
            throw new IllegalArgumentException("nearest words: weight '" + weight.name() + "' has shape "
                    + weight.array().getShape() + "; expected (rows × d)");
        }
        float[] flat = weight.array().toFloatArray();
        float[][] rows = new float[(int) shape[0]][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = Arrays.copyOfRange(flat, (int) (r * shape[1]), (int) ((r + 1) * shape[1]));
        }
        return rows;
    }

    private static double norm(float[] a, int from, int length) {
        double s = 0;
        for (int i = from; i < from + length; i++) {
            s += (double) a[i] * a[i];
        }
        return Math.sqrt(s);
    }
}
