package org.finetunelab.experiments;

import org.finetunelab.eval.KnowledgeProbe;
import org.finetunelab.eval.Perplexity;
import org.finetunelab.model.GenerationConfig;
import org.finetunelab.model.LanguageModel;
import org.finetunelab.text.corpus.KnowledgeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped base model still does what its model card says. */
class BaseModelTest {
    static final Path MODEL = Path.of("data/models/base");
    static ModelCard card;

    @BeforeAll
    static void readCard() throws IOException {
        card = ModelCard.read(MODEL);
    }

    @Test
    void probeAccuracyMatchesTheModelCard() throws IOException {
        try (LanguageModel lm = LanguageModel.load(MODEL)) {
            double accuracy = KnowledgeProbe.run(lm.model(), lm.tokenizer(),
                    KnowledgeSet.load(Path.of("data/datasets/knowledge/facts.jsonl"))).accuracy();
            assertEquals(card.probeAccuracy(), accuracy, 0.01 * card.probeAccuracy());
            assertTrue(accuracy >= 0.8, "the base model should know at least 80% of its facts: " + accuracy);
        }
    }

    @Test
    @Tag("slow")
    void heldOutPerplexityMatchesTheModelCard() throws IOException {
        Path corpus = TestCorpus.build();
        try (LanguageModel lm = LanguageModel.load(MODEL)) {
            int[] valid = CorpusEncoder.encode(lm.tokenizer(), corpus.resolve("valid.txt"));
            Perplexity.Result ppl = Perplexity.of(lm.model(), valid, ModelCard.HELD_OUT_WINDOWS);
            assertEquals(card.heldOutPerplexity(), ppl.perplexity(), 0.01 * card.heldOutPerplexity());
        }
    }

    @Test
    @Tag("slow")
    void samplesAreMadeOfRealWords() throws IOException {
        Set<String> known = new HashSet<>();
        for (String line : Files.readAllLines(TestCorpus.build().resolve("valid.txt"), StandardCharsets.UTF_8)) {
            for (String w : words(line)) {
                known.add(w);
            }
        }
        int total = 0;
        int real = 0;
        try (LanguageModel lm = LanguageModel.load(MODEL)) {
            for (String prompt : BasePretraining.CARD_PROMPTS) {
                for (int seed = 0; seed < 3; seed++) {
                    for (String w : words(lm.generate(prompt, GenerationConfig.sampling(30, seed)))) {
                        if (w.isEmpty()) {
                            continue;
                        }
                        total++;
                        real += known.contains(w) ? 1 : 0;
                    }
                }
            }
        }
        double share = (double) real / total;
        assertTrue(share > 0.85, "only " + real + " of " + total + " generated words occur in English text");
    }

    static String[] words(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z' ]", " ").trim().split("\\s+");
    }
}
