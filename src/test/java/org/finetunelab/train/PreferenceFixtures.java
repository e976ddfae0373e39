package org.finetunelab.train;

import ai.djl.Device;
import org.finetunelab.model.Gpt;
import org.finetunelab.model.GptConfig;

import java.util.ArrayList;
import java.util.List;

/** A tiny model and preference pairs whose chosen answers end in token 7 and rejected ones in token 8. */
public final class PreferenceFixtures {
    public static final int VOCAB = 23;
    public static final int END = 0;

    private PreferenceFixtures() {
    }

    public static List<PairBatches.Encoded> pairs() {
        List<PairBatches.Encoded> out = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            int a = 1 + i % 5;
            int b = 10 + i % 7;
            out.add(new PairBatches.Encoded(new int[]{a, b, 3, 7, 7, END}, new int[]{a, b, 3, 8, 8, END}, 3));
        }
        return out;
    }

    /** The same weights every time. */
    public static Gpt model() {
        return Gpt.create(new GptConfig(VOCAB, 16, 16, 1, 2, 4, 0f, true, "gelu", 1e-5f), 5, Device.cpu());
    }

    /** Four pairs (eight rows) per batch. */
    public static PairBatches batches() {
        return new PairBatches(pairs(), 4, PairBatches.lengthFor(pairs()), END, 1);
    }
}
