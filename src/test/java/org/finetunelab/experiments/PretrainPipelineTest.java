package org.finetunelab.experiments;

import org.finetunelab.cli.FinetuneCli;
import org.finetunelab.model.LanguageModel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole pretraining pipeline, end to end, with the tiny preset: corpus → tokenizer → training → model folder. */
@Tag("slow")
class PretrainPipelineTest {

    static String pretrain(Path out, long steps) {
        StringWriter text = new StringWriter();
        CommandLine cli = FinetuneCli.commandLine();
        cli.setOut(new PrintWriter(text));
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("pretrain", "--preset", "tiny", "--steps", String.valueOf(steps), "--anneal-steps", "10",
                "--checkpoint-every", "10",
                "--cache", TestCorpus.CACHE.toString(), "--out", out.toString());
        assertEquals(0, code, text + "\n" + err);
        return text.toString();
    }

    @Test
    void pretrainsExportsAndDescribesAModel() throws Exception {
        TestCorpus.build();
        Path out = TestCorpus.CACHE.resolve("model-out");
        String first = pretrain(out, 30);
        assertTrue(first.contains("exported"), first);
        for (String file : new String[]{"config.json", "model.safetensors", "tokenizer.json", "MODEL_CARD.md", "model_card.json"}) {
            assertTrue(Files.isRegularFile(out.resolve(file)), file + " is missing");
        }
        ModelCard card = ModelCard.read(out);
        assertEquals(30, card.steps());
        assertEquals(10, card.annealSteps());
        assertTrue(card.heldOutLoss() < Math.log(512), "better than uniform guessing: " + card.heldOutLoss());
        assertEquals(432, card.probeFacts());
        assertEquals(BasePretraining.CARD_PROMPTS.size(), card.samples().size());
        String md = Files.readString(out.resolve("MODEL_CARD.md"));
        assertTrue(md.contains(String.format("%.2f", card.heldOutPerplexity())), md);

        // Running again finds everything done: the checkpoint is complete, nothing is retrained.
        String second = pretrain(out, 30);
        assertTrue(second.contains("already built") && second.contains("already trained"), second);
        try (LanguageModel lm = LanguageModel.load(out)) {
            assertTrue(lm.generate("The", 5).length() > 0);
        }
    }
}
