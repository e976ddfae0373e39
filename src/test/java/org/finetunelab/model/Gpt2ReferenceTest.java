package org.finetunelab.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.finetunelab.text.BpeTrainer;
import org.finetunelab.text.BpeTrainingConfig;
import org.finetunelab.train.Batch;
import org.finetunelab.train.LanguageModelLoss;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks the model against an independent GPT-2 written from the formulas in Python/PyTorch
 * ({@code src/test/python/gpt2_reference.py}): export a random model, let both compute, compare.
 */
@Tag("slow")
class Gpt2ReferenceTest {
    static final String PYTHON = "/usr/bin/python3";
    static final Path SCRIPT = Path.of("src/test/python/gpt2_reference.py");
    static final double TOLERANCE = 1e-4;
    static final int[] IDS = {5, 120, 0, 77, 77, 263, 31, 9, 150, 2, 88, 199};

    @BeforeAll
    static void needsPyTorch() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(PYTHON)), PYTHON + " is missing: the PyTorch reference "
                + "check is skipped (on Debian: apt-get install python3-torch).");
        Process p = new ProcessBuilder(PYTHON, "-c", "import torch").redirectErrorStream(true).start();
        boolean done = p.waitFor(60, TimeUnit.SECONDS);
        Assumptions.assumeTrue(done && p.exitValue() == 0, PYTHON + " cannot import torch: the PyTorch reference "
                + "check is skipped (on Debian: apt-get install python3-torch).");
    }

    /** A model whose every parameter, biases and LayerNorms included, holds random values. */
    static Gpt randomModel(GptConfig config, long seed) {
        Gpt model = Gpt.create(config, seed, Device.cpu());
        Random rng = new Random(seed);
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            model.namedParameters().forEach((name, p) -> {
                Shape shape = p.array().getShape();
                float[] v = new float[(int) shape.size()];
                boolean scale = name.contains("ln_") && name.endsWith(".weight");
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) ((scale ? 1 : 0) + 0.2 * rng.nextGaussian());
                }
                p.copyFrom(m.create(v, shape));
            });
        }
        return model;
    }

    static List<String> runReference(String mode, Path folder) throws IOException, InterruptedException {
        String ids = Arrays.stream(IDS).mapToObj(Integer::toString).collect(Collectors.joining(","));
        Process p = new ProcessBuilder(PYTHON, SCRIPT.toString(), mode, folder.toString(), "--ids", ids)
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the reference did not finish");
        assertEquals(0, p.exitValue(), "the reference failed:\n" + output);
        return output.lines().toList();
    }

    @ParameterizedTest(name = "activation={0} tied={1}")
    @CsvSource({"gelu_new, true", "gelu, false"})
    void logitsAndLogProbsMatchTheReference(String activation, boolean tied, @TempDir Path dir) throws Exception {
        Path tokenizer = new BpeTrainer(BpeTrainingConfig.ofVocabSize(280).withMinPairFrequency(1))
                .train(List.of("the cat sat on the mat", "a hat, a bat and a rat")).save(dir.resolve("tokenizer.json"));
        GptConfig config = new GptConfig(300, 16, 32, 3, 4, 4, 0f, tied, activation, 1e-5f);
        Path folder = dir.resolve("export");
        try (Gpt model = randomModel(config, 17)) {
            Gpt2Checkpoint.export(model, tokenizer, folder);

            float[] ours;
            try (NDManager scope = model.newScope()) {
                NDArray ids = scope.create(Arrays.stream(IDS).asLongStream().toArray(), new Shape(1, IDS.length));
                ours = model.forward(new Forward(scope, false), ids).toFloatArray();
            }
            List<String> rows = runReference("logits", folder);
            assertEquals(IDS.length, rows.size(), "one line of logits per position");
            double worst = 0;
            for (int t = 0; t < IDS.length; t++) {
                String[] values = rows.get(t).trim().split(" ");
                assertEquals(config.vocabSize(), values.length);
                for (int v = 0; v < values.length; v++) {
                    worst = Math.max(worst, Math.abs(Double.parseDouble(values[v]) - ours[t * values.length + v]));
                }
            }
            assertTrue(worst <= TOLERANCE, "largest logit difference " + worst + " exceeds " + TOLERANCE);

            // The same numbers `finetune score` prints: <|endoftext|> in front, each token predicted from the ones before.
            long[] in = new long[IDS.length];
            long[] target = new long[IDS.length];
            float[] weight = new float[IDS.length];
            for (int i = 0; i < IDS.length; i++) {
                in[i] = i == 0 ? 0 : IDS[i - 1];
                target[i] = IDS[i];
                weight[i] = 1;
            }
            float[] logProbs = LanguageModelLoss.tokenLogProbs(model, new Batch(1, IDS.length, in, target, weight));
            List<String> table = runReference("logprobs", folder);
            assertEquals("position\ttoken_id\ttoken\tlog_prob\tloss", table.get(0));
            List<Double> reference = new ArrayList<>();
            for (int i = 0; i < IDS.length; i++) {
                String[] cells = table.get(i + 1).split("\t");
                assertEquals(String.valueOf(i), cells[0]);
                assertEquals(String.valueOf(IDS[i]), cells[1]);
                reference.add(Double.parseDouble(cells[3]));
            }
            for (int i = 0; i < IDS.length; i++) {
                assertEquals(reference.get(i), logProbs[i], TOLERANCE, "log-probability of token " + i);
            }
            assertTrue(table.get(IDS.length + 1).startsWith("mean loss "), table.get(IDS.length + 1));
        }
    }
}
