package org.finetunelab.peft;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.finetunelab.model.Gpt;
import org.finetunelab.model.io.SafeTensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

import static org.finetunelab.peft.PeftFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

class MethodFilesTest {

    @Test
    void everyMethodSavesOnlyItsOwnWeightsAndLoadsBackToTheSameOutputs(@TempDir Path dir) throws Exception {
        Map<String, Function<Gpt, FineTuningMethod>> methods = new java.util.LinkedHashMap<>(peftMethods());
        methods.put("bitfit", FineTuning::bitFit);
        for (Map.Entry<String, Function<Gpt, FineTuningMethod>> e : methods.entrySet()) {
            Path folder = dir.resolve(e.getKey());
            float[] trained;
            long methodSize;
            try (Gpt model = model()) {
                FineTuningMethod method = e.getValue().apply(model);
                fit(model, 2, 8);
                method.save(folder);
                trained = logits(model);
                methodSize = method.weights().values().stream().mapToLong(p -> p.size()).sum();
                assertEquals(new TreeSet<>(method.weights().keySet()),
                        new TreeSet<>(SafeTensors.readHeader(folder.resolve(FineTuningMethod.WEIGHTS)).names()), e.getKey());
            }
            long fileSize = Files.size(folder.resolve(FineTuningMethod.WEIGHTS));
            assertTrue(fileSize < methodSize * 4 + 4096, e.getKey() + ": the file holds more than the method");
            try (Gpt fresh = model()) {
                FineTuningMethod loaded = FineTuning.load(fresh, folder);
                assertEquals(0.0, maxDiff(trained, logits(fresh)), 1e-6, e.getKey());
                assertEquals(fullNames(fresh, loaded), fresh.trainableParameters().keySet(), e.getKey());
            }
        }
    }

    @Test
    void loraExportsTheHuggingFacePeftLayoutForGpt2AndLoadsItBack(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("peft");
        float[] trained;
        try (Gpt model = model()) {
            Lora lora = FineTuning.lora(model, new LoraConfig(4, 16, 0.05f, List.of("c_attn", "mlp.c_proj"), 3));
            fit(model, 2, 8);
            lora.savePeft(folder, "finetune-lab/base");
            trained = logits(model);
        }
        JsonObject config = JsonParser.parseString(Files.readString(folder.resolve("adapter_config.json"))).getAsJsonObject();
        assertEquals("LORA", config.get("peft_type").getAsString());
        assertEquals("CAUSAL_LM", config.get("task_type").getAsString());
        assertEquals(4, config.get("r").getAsInt());
        assertEquals(16, config.get("lora_alpha").getAsInt());
        assertEquals(0.05, config.get("lora_dropout").getAsDouble(), 1e-6);
        assertEquals(List.of("c_attn", "mlp.c_proj"),
                config.getAsJsonArray("target_modules").asList().stream().map(j -> j.getAsString()).toList());
        assertTrue(config.get("fan_in_fan_out").getAsBoolean());
        assertEquals("none", config.get("bias").getAsString());
        assertEquals("finetune-lab/base", config.get("base_model_name_or_path").getAsString());

        var header = SafeTensors.readHeader(folder.resolve("adapter_model.safetensors"));
        assertEquals(2 * 2 * 2, header.names().size());   // layers · targets · (A, B)
        String prefix = "base_model.model.transformer.h.1.";
        assertEquals(List.of(4L, 32L), List.of(header.tensors().get(prefix + "attn.c_attn.lora_A.weight").shape().getShape()[0],
                header.tensors().get(prefix + "attn.c_attn.lora_A.weight").shape().getShape()[1]));
        assertArrayEquals(new long[]{96, 4}, header.tensors().get(prefix + "attn.c_attn.lora_B.weight").shape().getShape());
        assertArrayEquals(new long[]{4, 128}, header.tensors().get(prefix + "mlp.c_proj.lora_A.weight").shape().getShape());
        assertArrayEquals(new long[]{32, 4}, header.tensors().get(prefix + "mlp.c_proj.lora_B.weight").shape().getShape());
        assertTrue(header.names().stream().allMatch(n -> n.matches(
                "base_model\\.model\\.transformer\\.h\\.\\d+\\.(attn\\.c_attn|mlp\\.c_proj)\\.lora_[AB]\\.weight")));

        try (Gpt fresh = model()) {
            FineTuningMethod loaded = FineTuning.load(fresh, folder);
            assertInstanceOf(Lora.class, loaded);
            assertEquals(0.0, maxDiff(trained, logits(fresh)), 1e-6);
        }
    }
}
