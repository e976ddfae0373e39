package org.finetunelab.cli;

import ai.djl.Device;
import org.finetunelab.model.Gpt;
import org.finetunelab.model.GptConfig;
import org.finetunelab.model.ModelFiles;
import org.finetunelab.text.BpeTrainer;
import org.finetunelab.text.BpeTrainingConfig;
import org.finetunelab.results.Provenance;
import org.finetunelab.results.ResultsFile;
import org.finetunelab.text.LabelledTexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompareCommandTest {
    @TempDir
    Path dir;

    @Test
    void comparesTheChosenMethodsAndWritesTheTableAndTheChart() throws Exception {
        Path reviews = Path.of(getClass().getResource("/org/finetunelab/text/reviews-small.jsonl").toURI());
        List<String> texts = LabelledTexts.load(reviews).train().stream().map(LabelledTexts.Example::text).toList();
        Path tokenizer = new BpeTrainer(BpeTrainingConfig.ofVocabSize(300)).train(texts).save(dir.resolve("tok.json"));
        Path model = dir.resolve("model");
        try (Gpt gpt = Gpt.create(new GptConfig(300, 128, 16, 1, 2, 4, 0f, true, "gelu", 1e-5f), 3, Device.cpu())) {
            ModelFiles.save(gpt, model, tokenizer);
        }
        Path csv = dir.resolve("out/compare.csv");
        Path png = dir.resolve("out/compare.png");
        CliRun r = CliRun.of("compare", "--model", model.toString(), "--data",
                reviews.toString(), "--methods", "bag-of-words,probe,lora", "--steps", "3", "--seeds", "2",
                "--csv", csv.toString(), "--chart", png.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("36 train"), r.out());
        assertTrue(r.out().contains("seeds [42, 43]"), r.out());
        assertTrue(r.out().contains("lora") && r.out().contains("test accuracy std"), r.out());
        assertTrue(r.out().contains("sampling error"), r.out());

        Provenance provenance = ResultsFile.provenance(csv);
        assertTrue(provenance.get(Provenance.COMMAND).startsWith("./lab finetune compare --model"), provenance.toString());
        for (String field : Provenance.REQUIRED) {
            assertFalse(provenance.get(field).isBlank(), field);
        }
        assertTrue(provenance.get(Provenance.LOAD).contains("at the end"), provenance.get(Provenance.LOAD));
        Table summary = ResultsFile.read(csv);
        assertEquals(List.of("bag-of-words", "probe", "lora"), summary.stringColumn("method").asList());
        assertEquals(2, ((NumericColumn<?>) summary.column("seeds")).getDouble(2));
        Table runs = ResultsFile.read(dir.resolve("out/compare-runs.csv"));
        assertEquals(6, runs.rowCount(), "three methods times two seeds");
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "a PNG was written");
    }

    @Test
    void anUnknownMethodIsOneLineListingTheValidNames() {
        CliRun r = CliRun.of("compare", "--data",
                "src/test/resources/org/finetunelab/text/reviews-small.jsonl", "--methods", "lora,magic");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("'magic'") && r.err().contains("probe, prompt"), r.err());
    }
}
