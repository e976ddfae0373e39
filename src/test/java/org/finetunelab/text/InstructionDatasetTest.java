package org.finetunelab.text;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstructionDatasetTest {
    @TempDir
    static Path tokenizerDir;
    @TempDir
    Path dir;
    static Tokenizer tokenizer;

    @BeforeAll
    static void trainTokenizer() throws IOException {
        List<String> corpus = List.of("### Task\nName a colour.\n\n### Answer\nTeal.",
                "Translate to French. good morning bonjour", "<|user|>\nHi\n<|assistant|>\nHello");
        tokenizer = Tokenizer.load(new BpeTrainer(BpeTrainingConfig.ofVocabSize(300).withMinPairFrequency(1))
                .train(corpus).save(tokenizerDir.resolve("tokenizer.json")));
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    private Path write(String... lines) throws IOException {
        Path file = dir.resolve("instructions.jsonl");
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private InstructionDataset load(Path file, int context, OverLength overLength) {
        return InstructionDataset.load(file, tokenizer, PromptTemplate.INSTRUCTION, context, overLength);
    }

    private static String decode(int[] tokens, int from, int to) {
        return tokenizer.decode(Arrays.copyOfRange(tokens, from, to));
    }

    @Test
    void aGoodFileSplitsPromptFromResponseExactly() throws IOException {
        Path file = write("{\"instruction\": \"Name a colour.\", \"response\": \"Teal.\"}",
                "{\"instruction\": \"Translate to French.\", \"input\": \"good morning\", \"response\": \"bonjour\"}");
        InstructionDataset data = load(file, 256, OverLength.REFUSE);
        assertEquals(2, data.size());
        assertTrue(data.warnings().isEmpty(), data.warnings().toString());

        InstructionExample first = data.examples().get(0);
        int[] t = first.tokens();
        assertEquals("### Task\nName a colour.\n\n### Answer\n", decode(t, 0, first.promptLength()));
        assertEquals("Teal.", decode(t, first.promptLength(), t.length - 1));
        assertEquals(tokenizer.endOfTextId(), t[t.length - 1], "every response ends with the end-of-text token");
        assertFalse(first.truncated());
        assertEquals(1, first.line());
        assertEquals(file, first.file());

        InstructionExample second = data.examples().get(1);
        assertEquals("### Task\nTranslate to French.\n\n### Context\ngood morning\n\n### Answer\n",
                decode(second.tokens(), 0, second.promptLength()));
        assertEquals(2, second.line());
        assertEquals(tokenizer.encode("bonjour").length + 1, second.responseLength());
    }

    @Test
    void missingOrEmptyFieldsNameTheFileLineAndField() throws IOException {
        String good = "{\"instruction\": \"Name a colour.\", \"response\": \"Teal.\"}";
        List<String[]> cases = List.of(
                new String[]{"{\"response\": \"Teal.\"}", "instruction", "missing"},
                new String[]{"{\"instruction\": \"\", \"response\": \"Teal.\"}", "instruction", "empty"},
                new String[]{"{\"instruction\": \"Name a colour.\"}", "response", "missing"},
                new String[]{"{\"instruction\": \"Name a colour.\", \"response\": \"  \"}", "response", "empty"},
                new String[]{"{\"instruction\": \"Name a colour.\", \"response\": null}", "response", "null"});
        for (String[] c : cases) {
            Path file = write(good, c[0]);
            DatasetException e = assertThrows(DatasetException.class, () -> load(file, 256, OverLength.TRUNCATE), c[0]);
            assertEquals(2, e.line(), e.getMessage());
            assertEquals(c[1], e.field().orElseThrow(), e.getMessage());
            assertTrue(e.getMessage().startsWith(file + ", line 2: "), e.getMessage());
            assertTrue(e.getMessage().contains("'" + c[1] + "'") && e.getMessage().contains(c[2]), e.getMessage());
        }
    }

    @Test
    void malformedJsonNamesTheFileAndLine() throws IOException {
        Path file = write("{\"instruction\": \"Name a colour.\", \"response\": \"Teal.\"}",
                "",
                "{\"instruction\": \"Name a colour.\", \"response\": \"Teal.\"",
                "{\"instruction\": \"x\", \"response\": \"y\"}");
        DatasetException e = assertThrows(DatasetException.class, () -> load(file, 256, OverLength.TRUNCATE));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith(file + ", line 3: invalid JSON"), e.getMessage());
        assertTrue(e.getMessage().contains("Fix: "), e.getMessage());
    }

    @Test
    void anEmptyDatasetFailsClearly() throws IOException {
        for (String content : List.of("", "\n\n   \n")) {
            Path file = dir.resolve("empty.jsonl");
            Files.writeString(file, content);
            DatasetException e = assertThrows(DatasetException.class, () -> load(file, 256, OverLength.TRUNCATE));
            assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("no records")
                    && e.getMessage().contains("\"instruction\""), e.getMessage());
        }
    }

    @Test
    void aContextTooSmallForAnyPromptFailsClearly() throws IOException {
        Path file = write("{\"instruction\": \"Name a colour.\", \"response\": \"Teal.\"}");
        DatasetException e = assertThrows(DatasetException.class, () -> load(file, 4, OverLength.TRUNCATE));
        assertTrue(e.getMessage().contains("no example fits in the context of 4 tokens"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> load(file, 1, OverLength.TRUNCATE));
    }

    /** Builds a file with a short example, an over-long response and a prompt longer than the context. */
    private Path overLengthFile() throws IOException {
        return write("",
                "{\"instruction\": \"Name a colour.\", \"response\": \"Teal.\"}",
                "",
                "   ",
                "{\"instruction\": \"Name a colour.\", \"response\": \"" + "Teal, green, blue. ".repeat(30) + "\"}",
                "",
                "{\"instruction\": \"" + "Name a colour. ".repeat(40) + "\", \"response\": \"Teal.\"}");
    }

    @Test
    void truncateCutsLongResponsesAndLeavesOutLongPromptsWithOneWarningEach() throws IOException {
        Path file = overLengthFile();
        int context = 64;
        InstructionDataset data = load(file, context, OverLength.TRUNCATE);

        assertEquals(2, data.size());
        assertEquals(List.of(2L, 5L), data.examples().stream().map(InstructionExample::line).toList(),
                "line numbers count the blank lines");
        assertFalse(data.examples().get(0).truncated());
        InstructionExample cut = data.examples().get(1);
        assertTrue(cut.truncated());
        assertEquals(context, cut.tokens().length, "cut to exactly the context");
        String prompt = PromptTemplate.INSTRUCTION.prompt("Name a colour.", "");
        assertEquals(prompt, decode(cut.tokens(), 0, cut.promptLength()));
        int[] response = tokenizer.encode("Teal, green, blue. ".repeat(30));
        assertArrayEquals(Arrays.copyOf(response, context - cut.promptLength()),
                Arrays.copyOfRange(cut.tokens(), cut.promptLength(), context), "the start of the response is kept");
        assertFalse(Arrays.stream(cut.tokens()).anyMatch(t -> t == tokenizer.endOfTextId()),
                "a cut response has no end-of-text token: it did not end there");

        assertEquals(2, data.warnings().size(), data.warnings().toString());
        int total = cut.promptLength() + response.length + 1;
        String cutWarning = data.warnings().get(0);
        assertTrue(cutWarning.startsWith(file + ", line 5: cut from " + total + " tokens"), cutWarning);
        assertTrue(cutWarning.contains("response " + response.length) && cutWarning.contains("context length " + context),
                cutWarning);
        String leftOut = data.warnings().get(1);
        int longPrompt = tokenizer.encode(PromptTemplate.INSTRUCTION.prompt("Name a colour. ".repeat(40), "")).length;
        assertTrue(leftOut.startsWith(file + ", line 7: left out"), leftOut);
        assertTrue(leftOut.contains(longPrompt + " tokens") && leftOut.contains("context of " + context), leftOut);
    }

    @Test
    void refuseNamesTheFileLineTokensContextAndTheFix() throws IOException {
        Path file = overLengthFile();
        int context = 64;
        DatasetException e = assertThrows(DatasetException.class, () -> load(file, context, OverLength.REFUSE));
        String m = e.getMessage();
        int prompt = tokenizer.encode(PromptTemplate.INSTRUCTION.prompt("Name a colour.", "")).length;
        int total = prompt + tokenizer.encode("Teal, green, blue. ".repeat(30)).length + 1;
        assertEquals(file, e.file());
        assertEquals(5, e.line(), m);
        assertTrue(m.startsWith(file + ", line 5: "), m);
        assertTrue(m.contains(total + " tokens"), m);
        assertTrue(m.contains("context length " + context), m);
        assertTrue(m.contains("Fix: shorten") && m.contains("TRUNCATE"), m);
    }

    @Test
    void anExampleThatExactlyFillsTheContextIsKeptWhole() throws IOException {
        Path file = write("{\"instruction\": \"Name a colour.\", \"response\": \"Teal.\"}");
        int exact = load(file, 256, OverLength.REFUSE).examples().get(0).tokens().length;
        InstructionExample e = load(file, exact, OverLength.REFUSE).examples().get(0);
        assertFalse(e.truncated());
        assertEquals(tokenizer.endOfTextId(), e.tokens()[exact - 1]);
        assertThrows(DatasetException.class, () -> load(file, exact - 1, OverLength.REFUSE));
        InstructionDataset cut = load(file, exact - 1, OverLength.TRUNCATE);
        assertTrue(cut.examples().get(0).truncated());
        assertEquals(1, cut.warnings().size());
    }

    @Test
    void anExampleWhosePromptExactlyFillsTheContextIsLeftOut() throws IOException {
        String longInstruction = "Name a colour. ".repeat(5);
        Path file = write("{\"instruction\": \"" + longInstruction + "\", \"response\": \"Teal.\"}",
                "{\"instruction\": \"Hi\", \"response\": \"Teal.\"}");
        int prompt = tokenizer.encode(PromptTemplate.INSTRUCTION.prompt(longInstruction, "")).length;
        InstructionDataset data = load(file, prompt, OverLength.TRUNCATE);
        assertEquals(List.of(2L), data.examples().stream().map(InstructionExample::line).toList());
        assertTrue(data.warnings().get(0).contains("line 1: left out"), data.warnings().toString());
        InstructionDataset oneMore = load(file, prompt + 1, OverLength.TRUNCATE);
        assertEquals(List.of(1L, 2L), oneMore.examples().stream().map(InstructionExample::line).toList());
        assertEquals(1, oneMore.examples().get(0).responseLength(), "one response token fits, and is learned");
    }

    @Test
    void theEndOfTextMarkerInAFieldIsRefusedWithItsLineAndField() throws IOException {
        Path file = write("{\"instruction\": \"Name a colour.\", \"response\": \"Teal.\"}",
                "{\"instruction\": \"Name a colour.\", \"response\": \"Teal.<|endoftext|>Red.\"}");
        assertTrue(Arrays.stream(tokenizer.encode("a<|endoftext|>b")).anyMatch(id -> id == tokenizer.endOfTextId()),
                "the tokenizer reads the marker as the token: that is why the dataset refuses it");
        for (OverLength overLength : OverLength.values()) {
            DatasetException e = assertThrows(DatasetException.class, () -> load(file, 256, overLength));
            assertEquals(2, e.line());
            assertEquals("response", e.field().orElseThrow());
            assertTrue(e.getMessage().contains("<|endoftext|>") && e.getMessage().contains("Fix: remove it"), e.getMessage());
        }
    }

    @Test
    void lineNumbersCountBlankAndWindowsLines() throws IOException {
        Path file = dir.resolve("crlf.jsonl");
        Files.writeString(file, "\r\n\r\n{\"instruction\": \"a\", \"response\": \"b\"}\r\n\r\n \t\r\n"
                + "{\"instruction\": \"c\", \"response\": \"d\"}\r\n{\"response\": \"e\"}\r\n");
        DatasetException e = assertThrows(DatasetException.class, () -> load(file, 256, OverLength.TRUNCATE));
        assertEquals(7, e.line(), e.getMessage());
        Files.writeString(file, "\r\n\r\n{\"instruction\": \"a\", \"response\": \"b\"}\r\n\r\n \t\r\n"
                + "{\"instruction\": \"c\", \"response\": \"d\"}");
        assertEquals(List.of(3L, 6L), load(file, 256, OverLength.TRUNCATE).examples().stream()
                .map(InstructionExample::line).toList());
    }
}
