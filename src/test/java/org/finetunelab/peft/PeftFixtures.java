package org.finetunelab.peft;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.finetunelab.model.Forward;
import org.finetunelab.model.Gpt;
import org.finetunelab.model.GptConfig;
import org.finetunelab.model.Parameter;
import org.finetunelab.train.Batch;
import org.finetunelab.train.LanguageModelLoss;
import org.finetunelab.train.TokenWindows;
import org.finetunelab.train.TrainConfig;
import org.finetunelab.train.Trainer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/** A tiny model, data and helpers shared by the fine-tuning tests. */
final class PeftFixtures {
    static final int VOCAB = 23;
    static final long[] IDS = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3};

    private PeftFixtures() {
    }

    static GptConfig config() {
        return new GptConfig(VOCAB, 16, 32, 2, 2, 4, 0f, true, "gelu", 1e-5f);
    }

    static Gpt model() {
        return Gpt.create(config(), 7, Device.cpu());
    }

    /** Repeated arithmetic sequences: something to learn. */
    static TokenWindows data(int length) {
        int[] t = new int[400];
        Random r = new Random(1);
        int i = 0;
        while (i < t.length) {
            int start = r.nextInt(VOCAB);
            int stride = 1 + r.nextInt(3);
            for (int k = 0; k < 12 && i < t.length; k++) {
                t[i++] = (start + k * stride) % VOCAB;
            }
        }
        return TokenWindows.builder(t).batchSize(4).windowLength(length).seed(3).build();
    }

    static TrainConfig train(int steps) {
        return TrainConfig.defaults(steps).withLearningRate(1e-2f, 1e-2f).withWarmup(0).withEvaluation(0, 0);
    }

    static void fit(Gpt model, int steps, int length) {
        try (Trainer t = Trainer.builder(model).config(train(steps)).train(data(length)).noValidation().build()) {
            t.fit();
        }
    }

    /** Copies of every parameter's values, by full name. */
    static Map<String, float[]> snapshot(Gpt model) {
        Map<String, float[]> out = new LinkedHashMap<>();
        model.namedParameters().forEach((n, p) -> out.put(n, p.array().toFloatArray()));
        return out;
    }

    /** Logits (B·T·V values) for {@link #IDS}. */
    static float[] logits(Gpt model) {
        return logits(model, IDS);
    }

    static float[] logits(Gpt model, long[] ids) {
        try (NDManager scope = model.newScope()) {
            return model.forward(new Forward(scope, false), scope.create(ids, new Shape(1, ids.length))).toFloatArray();
        }
    }

    static double maxDiff(float[] a, float[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    /** Runs one forward/backward on a batch and returns each trainable parameter's gradient (sum of |g|). */
    static Map<String, Double> gradientSizes(Gpt model) {
        return gradientSizes(model, false);
    }

    /** With {@code collectGarbage}, the JVM collects garbage between forward and backward (see DJL-NOTES). */
    static Map<String, Double> gradientSizes(Gpt model, boolean collectGarbage) {
        Batch batch = data(8).batch(0);
        Map<String, Parameter> trainable = model.trainableParameters();
        Map<String, Double> out = new LinkedHashMap<>();
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            try (NDManager scope = model.newScope()) {
                Forward f = new Forward(scope, true);
                NDArray loss = LanguageModelLoss.NEXT_TOKEN.loss(model, f, batch, f.scalar((float) batch.weightSum()));
                if (collectGarbage) {
                    System.gc();
                }
                collector.backward(loss);
            }
        }
        trainable.forEach((n, p) -> {
            NDArray g = p.array().getGradient();
            out.put(n, (double) g.abs().sum().getFloat());
            g.subi(g);
        });
        return out;
    }

    /** Full dotted names of a method's parameters, as the model lists them. */
    static java.util.Set<String> fullNames(Gpt model, FineTuningMethod method) {
        java.util.Set<Parameter> own = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        own.addAll(method.trainableWeights().values());
        java.util.Set<String> out = new java.util.TreeSet<>();
        model.namedParameters().forEach((n, p) -> {
            if (own.contains(p)) {
                out.add(n);
            }
        });
        return out;
    }

    /** Every parameter-efficient method on a fresh model, by label. */
    static Map<String, Function<Gpt, FineTuningMethod>> peftMethods() {
        Map<String, Function<Gpt, FineTuningMethod>> out = new LinkedHashMap<>();
        out.put("adapters", m -> FineTuning.adapters(m, AdapterConfig.of(4)));
        out.put("lora", m -> FineTuning.lora(m, LoraConfig.allLinear(4).withDropout(0.1f)));
        out.put("prompt", m -> FineTuning.promptTuning(m, PromptConfig.fromVocabulary(3)));
        out.put("prefix", m -> FineTuning.prefixTuning(m, PrefixConfig.of(3)));
        out.put("prefix+mlp", m -> FineTuning.prefixTuning(m, PrefixConfig.withProjection(3, 8, 16)));
        out.put("ia3", m -> FineTuning.ia3(m, Ia3Config.standard()));
        return out;
    }
}
