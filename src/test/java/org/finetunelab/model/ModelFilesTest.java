package org.finetunelab.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.finetunelab.model.io.SafeTensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelFilesTest {
    @Test
    void saveAndLoadRoundTripBitExact(@TempDir Path dir) throws Exception {
        GptConfig c = new GptConfig(37, 12, 16, 2, 4, 4, 0.1f, false, "gelu_new", 1e-5f);
        Path folder = dir.resolve("m");
        try (Gpt a = Gpt.create(c, 9, Device.cpu())) {
            ModelFiles.save(a, folder, null);
            try (Gpt b = ModelFiles.load(folder, Device.cpu())) {
                assertEquals(c, b.config());
                for (var e : a.namedParameters().entrySet()) {
                    assertArrayEquals(e.getValue().array().toFloatArray(),
                            b.namedParameters().get(e.getKey()).array().toFloatArray(), 0f, e.getKey());
                }
            }
        }
        assertTrue(Files.exists(folder.resolve("config.json")));
    }

    @Test
    void wrongShapesAndMissingTensorsNameTheTensor(@TempDir Path dir) throws Exception {
        GptConfig c = GptConfig.tiny(20);
        Path folder = dir.resolve("m");
        try (Gpt a = Gpt.create(c, 1, Device.cpu())) {
            ModelFiles.save(a, folder, null);
        }
        Path weights = folder.resolve(ModelFiles.WEIGHTS);
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            Map<String, NDArray> t = new LinkedHashMap<>(SafeTensors.read(weights, m));
            t.remove("ln_f.bias");
            SafeTensors.write(weights, t, Map.of());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelFiles.load(folder, Device.cpu()));
            assertTrue(e.getMessage().contains("ln_f.bias"), e.getMessage());

            t.put("ln_f.bias", m.zeros(new ai.djl.ndarray.types.Shape(3)));
            SafeTensors.write(weights, t, Map.of());
            e = assertThrows(IllegalArgumentException.class, () -> ModelFiles.load(folder, Device.cpu()));
            assertTrue(e.getMessage().contains("ln_f.bias") && e.getMessage().contains("(3)"), e.getMessage());
        }
    }
}
