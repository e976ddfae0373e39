package org.finetunelab.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.finetunelab.model.Forward;
import org.finetunelab.model.Gpt;
import org.finetunelab.model.Parameter;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdamWTest {
    static final float B1 = 0.9f, B2 = 0.95f, EPS = 1e-8f, DECAY = 0.1f;

    @Test
    void followsTheTextbookFormulaStepByStep() {
        TokenWindows data = TokenWindows.builder(TrainerTest.patternStream(400)).batchSize(4).windowLength(16).seed(3).build();
        try (Gpt model = Gpt.create(TrainerTest.config(0), 1, Device.cpu());
             AdamW adam = new AdamW(model.manager(), B1, B2, EPS, DECAY)) {
            Map<String, Parameter> params = model.namedParameters();
            Batch batch = data.batch(0);
            try (GradientCollector c = Engine.getInstance().newGradientCollector(); NDManager scope = model.newScope()) {
                Forward f = new Forward(scope, true);
                c.backward(LanguageModelLoss.NEXT_TOKEN.loss(model, f, batch, f.scalar((float) batch.weightSum())));
            }
            // The reference: every number by the formula, in double precision, from the same start.
            Map<String, double[][]> ref = new LinkedHashMap<>();   // name → {w, m, v, g}
            params.forEach((name, p) -> {
                float[] w = p.array().toFloatArray();
                float[] g = p.array().getGradient().toFloatArray();
                double[][] state = new double[4][w.length];
                for (int i = 0; i < w.length; i++) {
                    state[0][i] = w[i];
                    state[3][i] = g[i];
                }
                ref.put(name, state);
            });
            float[] rates = {1e-2f, 5e-3f, 2e-3f};
            for (int t = 1; t <= rates.length; t++) {
                float lr = rates[t - 1];
                ref.forEach((name, state) -> {   // the same gradient at every step
                    float[] g = new float[state[3].length];
                    for (int i = 0; i < g.length; i++) {
                        g[i] = (float) state[3][i];
                    }
                    org.finetunelab.model.Parameter.copyInEngine(model.manager().create(g, params.get(name).array().getShape()), params.get(name).array().getGradient());
                });
                adam.step(params, lr);
                params.forEach((name, p) -> assertEquals(0f, p.array().getGradient().abs().max().getFloat(), name + ": the update uses the gradient up"));
                for (Map.Entry<String, double[][]> e : ref.entrySet()) {
                    boolean decays = params.get(e.getKey()).array().getShape().dimension() >= 2;
                    double[] w = e.getValue()[0], m = e.getValue()[1], v = e.getValue()[2], g = e.getValue()[3];
                    for (int i = 0; i < w.length; i++) {
                        m[i] = B1 * m[i] + (1 - B1) * g[i];
                        v[i] = B2 * v[i] + (1 - B2) * g[i] * g[i];
                        double mHat = m[i] / (1 - Math.pow(B1, t));
                        double vHat = v[i] / (1 - Math.pow(B2, t));
                        w[i] = w[i] * (decays ? 1 - lr * DECAY : 1) - lr * mHat / (Math.sqrt(vHat) + EPS);
                    }
                }
            }
            assertEquals(3, adam.steps());
            int checked = 0;
            for (Map.Entry<String, double[][]> e : ref.entrySet()) {
                float[] got = params.get(e.getKey()).array().toFloatArray();
                float[] moment = adam.state().get("m." + e.getKey()).toFloatArray();
                for (int i = 0; i < got.length; i++) {
                    double want = e.getValue()[0][i];
                    assertEquals(want, got[i], 1e-6 + 1e-5 * Math.abs(want), e.getKey() + "[" + i + "]");
                    assertEquals(e.getValue()[1][i], moment[i], 1e-7 + 1e-5 * Math.abs(e.getValue()[1][i]), "m." + e.getKey());
                    checked++;
                }
            }
            assertTrue(checked > 10_000, "checked " + checked + " numbers");
        }
    }
}
