package org.finetunelab.baseline;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Multinomial logistic regression on sparse binary features, trained by stochastic gradient descent with a
 * small L2 penalty: one weight per (feature, class) and a bias per class, softmax over the class scores. The
 * seed shuffles the training examples before each pass; the weights start at zero.
 *
 * @see BagOfWords
 */
public final class LogisticRegression {
    /**
     * How to train.
     *
     * @param epochs       passes over the training examples
     * @param learningRate step size of each example's update (it decays as {@code rate / (1 + epoch)})
     * @param l2           weight decay per update, pulls rarely seen words towards zero
     * @param seed         seeds the order of the examples in each pass
     */
    public record Settings(int epochs, double learningRate, double l2, long seed) {
        public Settings {
            if (epochs < 1 || !(learningRate > 0) || !(l2 >= 0)) {
                throw new IllegalArgumentException("logistic regression: epochs = " + epochs + ", learningRate = "
                        + learningRate + ", l2 = " + l2 + "; need epochs ≥ 1, a positive rate and l2 ≥ 0");
            }
        }

        public static Settings defaults(long seed) {
            return new Settings(20, 0.5, 1e-4, seed);
        }
    }

    private final int features;
    private final int classes;
    private final double[][] weights;   // [class][feature]
    private final double[] bias;

    private LogisticRegression(int features, int classes) {
        this.features = features;
        this.classes = classes;
        this.weights = new double[classes][features];
        this.bias = new double[classes];
    }

    /** Trains on examples given as feature numbers ({@link BagOfWords#features}) with class ids 0..classes-1. */
    public static LogisticRegression train(List<int[]> examples, int[] labels, int features, int classes, Settings settings) {
        if (examples.size() != labels.length || examples.isEmpty()) {
            throw new IllegalArgumentException("logistic regression: " + examples.size() + " examples but "
                    + labels.length + " labels; give one label per example (and at least one example)");
        }
        if (classes < 2) {
            throw new IllegalArgumentException("logistic regression: classes = " + classes + " must be at least 2");
        }
        LogisticRegression model = new LogisticRegression(features, classes);
        SplittableRandom rng = new SplittableRandom(settings.seed());
        int[] order = new int[examples.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            shuffle(order, rng);
            double rate = settings.learningRate() / (1 + epoch);
            for (int i : order) {
                if (labels[i] < 0 || labels[i] >= classes) {
                    throw new IllegalArgumentException("logistic regression: example " + i + " has class " + labels[i]
                            + "; classes are 0.." + (classes - 1));
                }
                model.update(examples.get(i), labels[i], rate, settings.l2());
            }
        }
        return model;
    }

    private static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** One gradient step on one example: the softmax's error (probability − truth) times each present feature. */
    private void update(int[] x, int label, double rate, double l2) {
        double[] p = probabilities(x);
        for (int c = 0; c < classes; c++) {
            double error = p[c] - (c == label ? 1 : 0);
            double[] w = weights[c];
            for (int f : x) {
                w[f] -= rate * (error + l2 * w[f]);
            }
            bias[c] -= rate * error;
        }
    }

    /** The probability of each class for an example. */
    public double[] probabilities(int[] x) {
        double[] scores = new double[classes];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            double s = bias[c];
            for (int f : x) {
                if (f < 0 || f >= features) {
                    throw new IllegalArgumentException("logistic regression: feature " + f + " outside 0.." + (features - 1));
                }
                s += weights[c][f];
            }
            scores[c] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            scores[c] = Math.exp(scores[c] - max);
            sum += scores[c];
        }
        for (int c = 0; c < classes; c++) {
            scores[c] /= sum;
        }
        return scores;
    }

    /** The most probable class (the lowest id on a tie). */
    public int predict(int[] x) {
        double[] p = probabilities(x);
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }

    /** Share of the examples whose predicted class is their label. */
    public double accuracy(List<int[]> examples, int[] labels) {
        int right = 0;
        for (int i = 0; i < examples.size(); i++) {
            right += predict(examples.get(i)) == labels[i] ? 1 : 0;
        }
        return examples.isEmpty() ? Double.NaN : (double) right / examples.size();
    }

    /** Mean cross-entropy (nats) of the true classes: the same loss the neural classifiers report. */
    public double loss(List<int[]> examples, int[] labels) {
        double sum = 0;
        for (int i = 0; i < examples.size(); i++) {
            sum -= Math.log(Math.max(1e-12, probabilities(examples.get(i))[labels[i]]));
        }
        return sum / examples.size();
    }

    /** Weights and biases: what training learned. */
    public long parameterCount() {
        return (long) classes * features + classes;
    }
}
