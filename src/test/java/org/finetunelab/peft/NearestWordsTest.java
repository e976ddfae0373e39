package org.finetunelab.peft;

import ai.djl.Device;
import org.finetunelab.model.Gpt;
import org.finetunelab.model.GptConfig;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NearestWordsTest {
    @Test
    void aTokensOwnEmbeddingIsNearestToItselfAndAScaledCopyToo() {
        try (Gpt model = Gpt.create(GptConfig.tiny(50), 4, Device.cpu())) {
            float[][] table = NearestWords.rows(model.wte().table());
            float[] scaled = table[7].clone();
            for (int i = 0; i < scaled.length; i++) {
                scaled[i] *= 3;
            }
            List<List<NearestWords.Neighbour>> found = NearestWords.of(model, new float[][]{table[12], scaled}, 3);
            assertEquals(12, found.get(0).get(0).tokenId());
            assertEquals(1.0, found.get(0).get(0).cosine(), 1e-5);
            assertEquals(7, found.get(1).get(0).tokenId(), "cosine ignores length");
            assertEquals(3, found.get(1).size());
            assertTrue(found.get(1).get(1).cosine() <= found.get(1).get(0).cosine(), "most similar first");
        }
    }

    @Test
    void aVectorOfTheWrongWidthIsAClearError() {
        try (Gpt model = Gpt.create(GptConfig.tiny(50), 4, Device.cpu())) {
            var e = assertThrows(IllegalArgumentException.class, () -> NearestWords.of(model, new float[][]{new float[3]}, 1));
            assertTrue(e.getMessage().contains("vector 0 has 3 numbers"), e.getMessage());
        }
    }
}
