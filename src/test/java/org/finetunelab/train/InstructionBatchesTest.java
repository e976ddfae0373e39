package org.finetunelab.train;

import ai.djl.Device;
import org.finetunelab.model.Gpt;
import org.finetunelab.model.GptConfig;
import org.finetunelab.text.BpeTrainer;
import org.finetunelab.text.BpeTrainingConfig;
import org.finetunelab.text.InstructionDataset;
import org.finetunelab.text.InstructionExample;
import org.finetunelab.text.OverLength;
import org.finetunelab.text.PromptTemplate;
import org.finetunelab.text.Tokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstructionBatchesTest {
    private static final Path FILE = Path.of("made-up.jsonl");
    private static final int END = 9;
    private static final int PAD = 0;

    private static InstructionExample example(long line, int promptLength, int... tokens) {
        return new InstructionExample(FILE, line, tokens, promptLength, false);
    }

    @Test
    void promptAndPaddingWeighZeroResponseAndEndOfTextWeighOne() {
        InstructionExample short1 = example(1, 3, 1, 2, 3, 4, 5, END);
        InstructionExample cut = new InstructionExample(FILE, 2, new int[]{6, 7, 8, 1, 2, 3, 4, 5, 6}, 2, true);
        InstructionBatches batches = new InstructionBatches(List.of(short1, cut), 2, 8, PAD, 1);
        Batch b = batches.inOrder().get(0);
        assertEquals(2, b.rows());
        assertEquals(8, b.length());

        // The last token (end of text) is only ever a target, never an input.
        assertArrayEquals(new long[]{1, 2, 3, 4, 5, PAD, PAD, PAD}, Arrays.copyOfRange(b.inputs(), 0, 8));
        assertArrayEquals(new long[]{2, 3, 4, 5, END, PAD, PAD, PAD}, Arrays.copyOfRange(b.targets(), 0, 8));
        // Targets 2 and 3 are prompt tokens, 4 and 5 the response, then end of text, then padding.
        assertArrayEquals(new float[]{0, 0, 1, 1, 1, 0, 0, 0}, Arrays.copyOfRange(b.weights(), 0, 8));

        // A row that fills the whole length (length + 1 tokens): no padding, the prompt's second token is a
        // target of weight 0, everything after it weight 1.
        assertArrayEquals(new long[]{6, 7, 8, 1, 2, 3, 4, 5}, Arrays.copyOfRange(b.inputs(), 8, 16));
        assertArrayEquals(new long[]{7, 8, 1, 2, 3, 4, 5, 6}, Arrays.copyOfRange(b.targets(), 8, 16));
        assertArrayEquals(new float[]{0, 1, 1, 1, 1, 1, 1, 1}, Arrays.copyOfRange(b.weights(), 8, 16));
        assertEquals(3 + 7, b.weightSum());
    }

    @Test
    void weightedTargetsAreExactlyTheResponseAndEndOfTextOfEveryExample(@TempDir Path dir) throws IOException {
        try (Tokenizer tokenizer = tokenizerFor(dir)) {
            InstructionDataset data = dataset(dir, tokenizer);
            InstructionBatches batches = new InstructionBatches(data.examples(), 3, data.contextLength(),
                    tokenizer.endOfTextId(), 5);
            int example = 0;
            for (Batch b : batches.inOrder()) {
                for (int r = 0; r < b.rows(); r++, example++) {
                    InstructionExample e = data.examples().get(example);
                    List<Long> learned = new ArrayList<>();
                    for (int t = 0; t < b.length(); t++) {
                        if (b.weights()[r * b.length() + t] == 1f) {
                            learned.add(b.targets()[r * b.length() + t]);
                        }
                    }
                    int[] response = Arrays.copyOfRange(e.tokens(), e.promptLength(), e.tokens().length);
                    assertEquals(Arrays.stream(response).asLongStream().boxed().toList(), learned, "line " + e.line());
                    assertEquals(tokenizer.endOfTextId(), response[response.length - 1]);
                }
            }
            assertEquals(data.size(), example);
        }
    }

    @Test
    void batchIIsTheSameOnEveryCallAndAfterARestart() {
        List<InstructionExample> examples = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            examples.add(example(i + 1, 2, 1 + i % 5, 2, 3 + i % 4, END));
        }
        InstructionBatches first = new InstructionBatches(examples, 4, 6, PAD, 7);
        Batch b5 = first.batch(5);
        Batch b3 = first.batch(3);
        InstructionBatches restarted = new InstructionBatches(examples, 4, 6, PAD, 7);
        for (Batch other : List.of(first.batch(5), restarted.batch(5))) {
            assertArrayEquals(b5.inputs(), other.inputs());
            assertArrayEquals(b5.targets(), other.targets());
            assertArrayEquals(b5.weights(), other.weights());
        }
        assertArrayEquals(b3.inputs(), restarted.batch(3).inputs(), "order of calls does not matter");
        assertFalse(Arrays.equals(b5.inputs(), b3.inputs()), "different indices draw different examples");
        assertFalse(Arrays.equals(b5.inputs(), new InstructionBatches(examples, 4, 6, PAD, 8).batch(5).inputs()),
                "the seed changes the draw");
    }

    @Test
    void anExampleLongerThanTheLengthIsRefusedWithItsLine() {
        InstructionExample longOne = example(12, 1, 1, 2, 3, 4, 5, END);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new InstructionBatches(List.of(longOne), 2, 4, PAD, 1));
        assertTrue(e.getMessage().contains("line 12") && e.getMessage().contains("6 tokens"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new InstructionBatches(List.of(), 2, 4, PAD, 1));
    }

    @Test
    void trainingOnInstructionsLowersTheResponseLoss(@TempDir Path dir) throws IOException {
        try (Tokenizer tokenizer = tokenizerFor(dir)) {
            InstructionDataset data = dataset(dir, tokenizer);
            InstructionBatches batches = new InstructionBatches(data.examples(), 4, data.contextLength(),
                    tokenizer.endOfTextId(), 3);
            GptConfig config = new GptConfig(tokenizer.vocabSize(), data.contextLength(), 32, 2, 2, 4, 0f, true, "gelu", 1e-5f);
            TrainConfig train = TrainConfig.defaults(30).withLearningRate(1e-2f, 1e-3f).withWarmup(3).withWeightDecay(0);
            try (Gpt model = Gpt.create(config, 11, Device.cpu());
                 Trainer trainer = Trainer.builder(model).config(train).train(batches).noValidation().objective(LanguageModelLoss.NEXT_TOKEN).build()) {
                double before = LanguageModelLoss.evaluate(model, batches.inOrder());
                TrainingResult result = trainer.fit();
                double after = LanguageModelLoss.evaluate(model, batches.inOrder());
                assertEquals(30, result.stepsDone());
                assertTrue(before > 4, "an untrained model is near ln(vocab): " + before);
                assertTrue(after < before / 3, "response loss went from " + before + " to only " + after);
            }
        }
    }

    private static final List<String[]> QA = List.of(
            new String[]{"Name a colour.", "Teal."},
            new String[]{"Name a fruit.", "A pear."},
            new String[]{"Say hello in French.", "Bonjour."},
            new String[]{"What is two plus two?", "Four."},
            new String[]{"Name an animal.", "A fox."},
            new String[]{"Greet me.", "Hello there!"});

    private static Tokenizer tokenizerFor(Path dir) throws IOException {
        List<String> corpus = new ArrayList<>();
        QA.forEach(qa -> corpus.add(qa[0] + " " + qa[1]));
        return Tokenizer.load(new BpeTrainer(BpeTrainingConfig.ofVocabSize(300).withMinPairFrequency(1))
                .train(corpus).save(dir.resolve("tokenizer.json")));
    }

    private static InstructionDataset dataset(Path dir, Tokenizer tokenizer) throws IOException {
        List<String> lines = new ArrayList<>();
        QA.forEach(qa -> lines.add("{\"instruction\": \"" + qa[0] + "\", \"response\": \"" + qa[1] + "\"}"));
        Path file = Files.write(dir.resolve("qa.jsonl"), lines);
        PromptTemplate template = new PromptTemplate("qa", "Q: {instruction}\nA: ", "{input}", "{response}");
        return InstructionDataset.load(file, tokenizer, template, 32, OverLength.REFUSE);
    }
}
