package org.finetunelab.peft;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import org.finetunelab.model.Gpt;
import org.finetunelab.model.GptConfig;
import org.finetunelab.model.Parameter;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WeightChangeTest {
    @Test
    void anUntouchedModelHasNoChangeAndTheLayersComeBottomToTop() {
        try (Gpt model = Gpt.create(GptConfig.tiny(50), 4, Device.cpu())) {
            Table t = WeightChange.snapshot(model).byLayer(model);
            List<String> layers = t.stringColumn(WeightChange.LAYER).asList();
            assertEquals("embeddings", layers.get(0));
            assertEquals("block 0", layers.get(1));
            assertEquals("final norm", layers.get(layers.size() - 1));
            t.doubleColumn(WeightChange.RELATIVE_CHANGE).forEach(c -> assertEquals(0.0, c));
        }
    }

    @Test
    void aChangeShowsInItsOwnLayerOnlyAndRelativeToTheLayersSize() {
        try (Gpt model = Gpt.create(GptConfig.tiny(50), 4, Device.cpu())) {
            WeightChange before = WeightChange.snapshot(model);
            String name = model.namedParameters().keySet().stream().filter(n -> n.startsWith("h.1.")).findFirst().orElseThrow();
            Parameter p = model.namedParameters().get(name);
            try (NDArray doubled = p.array().add(p.array())) {
                p.copyFrom(doubled);   // W -> 2W: that weight moves by its own size
            }
            Table t = before.byLayer(model);
            double block1Norm2 = 0;
            double changed2 = 0;
            for (var e : model.namedParameters().entrySet()) {
                if (WeightChange.layerOf(e.getKey()).equals("block 1")) {
                    float[] now = e.getValue().array().toFloatArray();
                    for (float v : now) {
                        block1Norm2 += e.getKey().equals(name) ? (v / 2.0) * (v / 2.0) : (double) v * v;
                        changed2 += e.getKey().equals(name) ? (v / 2.0) * (v / 2.0) : 0;
                    }
                }
            }
            for (int r = 0; r < t.rowCount(); r++) {
                double c = t.doubleColumn(WeightChange.RELATIVE_CHANGE).get(r);
                if (t.stringColumn(WeightChange.LAYER).get(r).equals("block 1")) {
                    assertEquals(Math.sqrt(changed2 / block1Norm2), c, 1e-5);
                } else {
                    assertEquals(0.0, c, "layer " + t.stringColumn(WeightChange.LAYER).get(r));
                }
            }
        }
    }

    @Test
    void aSnapshotOfAnotherModelShapeIsAClearError() {
        try (Gpt small = Gpt.create(GptConfig.tiny(50), 4, Device.cpu()); Gpt other = Gpt.create(GptConfig.tiny(60), 4, Device.cpu())) {
            var e = assertThrows(IllegalArgumentException.class, () -> WeightChange.snapshot(small).byLayer(other));
            assertEquals(true, e.getMessage().contains("wte"), e.getMessage());
        }
    }

    @Test
    void namesMapToLayers() {
        assertEquals("block 3", WeightChange.layerOf("h.3.attn.c_attn.weight"));
        assertEquals("embeddings", WeightChange.layerOf("wpe.weight"));
        assertEquals("final norm", WeightChange.layerOf("ln_f.bias"));
        assertEquals("head", WeightChange.layerOf("head.weight"));
    }
}
