package org.finetunelab.peft;

import org.finetunelab.model.Gpt;
import org.finetunelab.model.ModelFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.finetunelab.peft.PeftFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

class LoraSaveMergedTest {
    @Test
    void theMergedFolderIsAPlainModelWithTheFineTunedOutputsAndTheModelInMemoryStaysAsItWas(@TempDir Path tmp) throws Exception {
        try (Gpt model = model()) {
            Map<String, float[]> base = snapshot(model);
            Lora lora = FineTuning.lora(model, LoraConfig.allLinear(4));
            fit(model, 3, 8);
            float[] tuned = logits(model);
            lora.saveMerged(tmp.resolve("merged"), null);
            assertFalse(lora.merged(), "the model in memory is not merged by saving");
            base.forEach((name, values) -> assertEquals(0.0, maxDiff(values, model.namedParameters().get(name).array().toFloatArray()), name));
            try (Gpt plain = ModelFiles.load(tmp.resolve("merged"))) {   // refuses tensors the plain model lacks
                assertEquals(base.keySet(), plain.namedParameters().keySet());
                assertEquals(0.0, maxDiff(tuned, logits(plain)), 1e-4);
                assertTrue(maxDiff(base.get("h.0.mlp.c_fc.weight"), plain.namedParameters().get("h.0.mlp.c_fc.weight").array().toFloatArray()) > 1e-4,
                        "the update is in the saved weights");
            }
            lora.merge();
            lora.saveMerged(tmp.resolve("again"), null);   // already merged: saved as it is, not added twice
            try (Gpt plain = ModelFiles.load(tmp.resolve("again"))) {
                assertEquals(0.0, maxDiff(tuned, logits(plain)), 1e-4);
            }
        }
    }

    @Test
    void aSwitchedOffUpdateIsSavedAsTheModelComputesIt(@TempDir Path tmp) throws Exception {
        try (Gpt model = model()) {
            float[] base = logits(model);
            Lora lora = FineTuning.lora(model, LoraConfig.attention(4));
            fit(model, 3, 8);
            lora.setEnabled(false);
            lora.saveMerged(tmp.resolve("off"), null);
            try (Gpt plain = ModelFiles.load(tmp.resolve("off"))) {
                assertEquals(0.0, maxDiff(base, logits(plain)), 1e-6);
            }
        }
    }

    @Test
    void anotherMethodOnTheModelIsRefusedAndNothingIsWritten(@TempDir Path tmp) {
        try (Gpt model = model()) {
            Lora lora = FineTuning.lora(model, LoraConfig.attention(2));
            FineTuning.adapters(model, AdapterConfig.of(4));
            var e = assertThrows(IllegalStateException.class, () -> lora.saveMerged(tmp.resolve("merged"), null));
            assertTrue(e.getMessage().contains("adapter"), e.getMessage());
            assertFalse(Files.exists(tmp.resolve("merged")));
        }
    }
}
