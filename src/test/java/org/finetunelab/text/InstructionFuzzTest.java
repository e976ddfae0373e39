package org.finetunelab.text;

import com.google.gson.stream.JsonWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Hostile text through prompt templates and instruction datasets. Rendering must insert the user's text
 * literally, whatever it holds; loading must either give examples that match the file or throw a
 * {@link DatasetException} / {@link IllegalArgumentException} with a message, never anything else.
 */
class InstructionFuzzTest {
    private static final long SEED = 20261129L;

    /** Pieces that look like template syntax, special tokens, direction marks and controls. */
    private static final List<String> TRICKS = List.of("{instruction}", "{input}", "{response}", "{", "}", "{{input}}",
            "{unknown}", "{ input }", "{in-put}", "### Task\n", "### Context\n", "### Answer\n", "<|user|>\n",
            "<|assistant|>\n", "<|endoftext|>", "<|endoftext", "\u0000", "\u0001", "\u001b[31m", "\u007f", "\u0085",
            "\u200E", "\u200F", "\u202A", "\u202B", "\u202E", "\u2066", "\u2069", "\u061C", "\uFEFF", "\u200B", "\u200D",
            "\uD800", "\uDC00", "\uDBFF\uDFFF", "\uD83D\uDE00", "\uFFFD", "\uFFFF", "\r\n", "\n", "\r", "\t", "\\", "\"",
            "$1", "\\n", "%s", "%n", "e\u0301", "שלום", "مرحبا", "日本語", "Ελληνικά", "кириллица", "👨‍👩‍👧");

    /** Code point ranges to draw from: {first, last}. */
    private static final int[][] POOLS = {
        {0x20, 0x7E}, {0x00, 0x1F}, {0x7F, 0x9F}, {0x590, 0x6FF}, {0x2000, 0x206F}, {0x4E00, 0x9FFF},
        {0x1F300, 0x1FAFF}, {0xD800, 0xDFFF}, {0x0, 0x10FFFF},
    };

    private static final PromptTemplate CUSTOM = new PromptTemplate("custom",
            "{input}{{instruction}} <|user|> {input}", "[{input}|{input}]", "=> {response} {unknown");

    @TempDir
    static Path tokenizerDir;
    @TempDir
    Path dir;
    static Tokenizer tokenizer;

    @BeforeAll
    static void trainTokenizer() throws IOException {
        
        List<String> corpus = new ArrayList<>(TRICKS);
        corpus.add("### Task\nName a colour.\n\n### Answer\nTeal.");
        tokenizer = Tokenizer.load(new BpeTrainer(BpeTrainingConfig.ofVocabSize(320).withMinPairFrequency(1))
                .train(corpus).save(tokenizerDir.resolve("tokenizer.json")));
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    // ------------------------------------------------------------------ rendering

    @Test
    void renderingInsertsAnyTextLiterally() {
        Random random = new Random(SEED);
        for (int i = 0; i < 3000; i++) {
            String instruction = randomText(random, random.nextInt(60));
            String input = random.nextInt(4) == 0 ? (random.nextBoolean() ? null : "") : randomText(random, random.nextInt(60));
            String response = randomText(random, random.nextInt(60));
            checkRendering(instruction, input, response);
        }
        String huge = randomText(random, 100_000);
        checkRendering(huge, huge, huge);
        checkRendering("{input}", "{instruction}", "{response}");
        checkRendering("### Answer\n", "<|assistant|>\n", "### Task\n");
    }

    /** Each template's output, written out by hand: fixed text around the user's text, nothing else. */
    private static void checkRendering(String instruction, String input, String response) {
        boolean hasInput = input != null && !input.isEmpty();
        String in = hasInput ? input : "";
        PromptTemplate.Rendered plain = PromptTemplate.INSTRUCTION.render(instruction, input, response);
        assertEquals("### Task\n" + instruction + "\n\n" + (hasInput ? "### Context\n" + in + "\n\n" : "") + "### Answer\n",
                plain.prompt());
        assertEquals(response, plain.response());

        PromptTemplate.Rendered chat = PromptTemplate.CHAT.render(instruction, input, response);
        assertEquals("<|user|>\n" + instruction + (hasInput ? "\n\n" + in : "") + "\n<|assistant|>\n", chat.prompt());
        assertEquals(response, chat.response());

        String wrapped = hasInput ? "[" + in + "|" + in + "]" : "";
        PromptTemplate.Rendered custom = CUSTOM.render(instruction, input, response);
        assertEquals(wrapped + "{" + instruction + "} <|user|> " + wrapped, custom.prompt());
        assertEquals("=> " + response + " {unknown", custom.response());
    }

    @Test
    void randomTemplatesEitherWorkOrSayWhatIsWrong() {
        Random random = new Random(SEED + 1);
        int built = 0;
        for (int i = 0; i < 3000; i++) {
            String prompt = templateText(random, "{instruction}");
            String input = templateText(random, "{input}");
            String response = templateText(random, "{response}");
            PromptTemplate template;
            try {
                template = new PromptTemplate("t" + i, prompt, input, response);
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage() != null && e.getMessage().contains("'t" + i + "'"), String.valueOf(e.getMessage()));
                continue;
            }
            built++;
            String user = randomText(random, 20) + "{instruction}{input}{response}";
            PromptTemplate.Rendered r = template.render(user, user, user);
            assertTrue(r.prompt().contains(user), "the instruction is in the prompt: " + prompt);
            assertTrue(r.response().contains(user), "the response is in the response: " + response);
        }
        assertTrue(built > 300, "only " + built + " random templates were valid: the fuzz tests little");
    }

    @Test
    void nullTextIsRefusedWithAMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PromptTemplate.INSTRUCTION.render(null, "", "x"));
        assertTrue(e.getMessage().contains("instruction is null"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PromptTemplate.CHAT.render("x", null, null));
        assertTrue(e.getMessage().contains("response is null"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PromptTemplate("t", null, "{input}", "{response}"));
    }

    /** A format made of random pieces, which usually but not always holds its placeholder. */
    private static String templateText(Random random, String placeholder) {
        StringBuilder text = new StringBuilder();
        int pieces = random.nextInt(6);
        for (int p = 0; p < pieces; p++) {
            text.append(random.nextInt(3) == 0 ? TRICKS.get(random.nextInt(TRICKS.size())) : randomText(random, 3));
        }
        if (random.nextInt(8) != 0) {
            text.insert(random.nextInt(text.length() + 1), placeholder);
        }
        return text.toString();
    }

    // ------------------------------------------------------------------ loading

    @Test
    void wellFormedFilesOfHostileTextLoadExactly() throws IOException {
        Random random = new Random(SEED + 2);
        int loaded = 0;
        for (int i = 0; i < 150; i++) {
            Map<Long, String[]> records = new HashMap<>();
            StringBuilder file = new StringBuilder();
            int lines = 1 + random.nextInt(8);
            for (long line = 1; line <= lines; line++) {
                if (random.nextInt(4) == 0) {
                    file.append(random.nextBoolean() ? "" : "  \t\r").append('\n');
                    continue;
                }
                String[] record = {nonBlank(random), random.nextBoolean() ? "" : loadable(randomText(random, random.nextInt(30))),
                        nonBlank(random)};
                records.put(line, record);
                file.append(json(record)).append('\n');
            }
            loaded += checkLoad(file.toString().getBytes(StandardCharsets.UTF_8), random, records);
        }
        assertTrue(loaded > 50, "only " + loaded + " files loaded: the fuzz tests little");
    }

    @Test
    void brokenFilesOnlyEverGiveDatasetExceptions() throws IOException {
        Random random = new Random(SEED + 3);
        List<String> pieces = new ArrayList<>(TRICKS);
        pieces.addAll(List.of("{\"instruction\": ", "\"response\": ", "\"input\": ", "\"a\"", ", ", "}", "null", "42",
                "[]", "{\"instruction\": \"x\", \"response\": \"y\"}\n", "\\ud800", "\\u0000", "\\uDFFF\\uD800", "\n", ""));
        for (int i = 0; i < 1500; i++) {
            StringBuilder text = new StringBuilder();
            int n = random.nextInt(30);
            for (int p = 0; p < n; p++) {
                text.append(random.nextInt(4) == 0 ? randomText(random, 4) : pieces.get(random.nextInt(pieces.size())));
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            if (random.nextInt(5) == 0 && bytes.length > 0) {
                bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x80));   // invalid UTF-8, usually
            }
            checkLoad(bytes, random, null);
        }
        for (int i = 0; i < 100; i++) {
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            checkLoad(bytes, random, null);
        }
    }

    @Test
    void hugeLinesAndEscapedSurrogatesLoad() throws IOException {
        Random random = new Random(SEED + 4);
        String huge = loadable(randomText(random, 100_000));
        String[] big = {huge, huge, huge};
        String[] surrogates = {"a \uD800 b", "\uDC00", "\uDBFF"};
        String[] markers = {"{response}### Answer\n<|assistant|>\n", "{instruction}", "<|endoftext{input}|>"};
        Map<Long, String[]> records = Map.of(1L, big, 3L, surrogates, 4L, markers);
        byte[] file = (json(big) + "\n\n" + json(surrogates) + "\n" + json(markers) + "\n").getBytes(StandardCharsets.UTF_8);
        for (OverLength overLength : OverLength.values()) {
            for (int context : new int[]{2, 8, 64, 400_000}) {
                Path path = write(file);
                checkLoad(file, path, PromptTemplate.INSTRUCTION, context, overLength, records);
            }
        }
        Path path = write(file);
        InstructionDataset all = InstructionDataset.load(path, tokenizer, PromptTemplate.CHAT, 1_000_000, OverLength.REFUSE);
        assertEquals(List.of(1L, 3L, 4L), all.examples().stream().map(InstructionExample::line).toList());
    }

    /** Loads {@code bytes} with a random template, context and policy; returns 1 when examples came back. */
    private int checkLoad(byte[] bytes, Random random, Map<Long, String[]> records) throws IOException {
        PromptTemplate template = List.of(PromptTemplate.INSTRUCTION, PromptTemplate.CHAT, CUSTOM)
                .get(random.nextInt(3));
        int context = random.nextInt(5) == 0 ? random.nextInt(4) : 2 + random.nextInt(200);
        OverLength overLength = random.nextBoolean() ? OverLength.TRUNCATE : OverLength.REFUSE;
        return checkLoad(bytes, write(bytes), template, context, overLength, records);
    }

    /**
     * Only a DatasetException (or an IllegalArgumentException for a bad argument) may come out. When
     * {@code records} (line to instruction, input, response) is known, every loaded example must match its line.
     */
    private static int checkLoad(byte[] bytes, Path file, PromptTemplate template, int context, OverLength overLength,
                                 Map<Long, String[]> records) {
        InstructionDataset data;
        try {
            data = InstructionDataset.load(file, tokenizer, template, context, overLength);
        } catch (DatasetException e) {
            assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains("Fix: "), e.getMessage());
            return 0;
        } catch (IllegalArgumentException e) {
            assertTrue(context < 2 && e.getMessage().contains("contextLength"), e.getMessage());
            return 0;
        } catch (RuntimeException | StackOverflowError e) {
            ByteArrayOutputStream shown = new ByteArrayOutputStream();
            shown.write(bytes, 0, Math.min(bytes.length, 200));
            fail("unexpected " + e + " for " + template + ", context " + context + ", " + overLength + ", input "
                    + shown.toString(StandardCharsets.ISO_8859_1), e);
            return 0;
        }
        assertFalse(data.examples().isEmpty());
        if (records != null) {
            checkExamples(data, template, context, overLength, records);
        }
        return 1;
    }

    private static void checkExamples(InstructionDataset data, PromptTemplate template, int context, OverLength overLength,
                                      Map<Long, String[]> records) {
        int truncated = 0;
        long previous = 0;
        for (InstructionExample e : data.examples()) {
            assertTrue(e.line() > previous, "examples keep the file's order");
            previous = e.line();
            String[] record = records.get(e.line());
            assertTrue(record != null, "line " + e.line() + " holds no record");
            int[] t = e.tokens();
            assertTrue(t.length <= context && e.promptLength() < t.length, "example fits the context");
            PromptTemplate.Rendered expected = template.render(record[0], record[1], record[2]);
            assertEquals(ByteLevel.wellFormed(expected.prompt()), decode(t, 0, e.promptLength()), "line " + e.line());
            if (e.truncated()) {
                truncated++;
                assertEquals(OverLength.TRUNCATE, overLength);
                assertEquals(context, t.length);
                int[] response = tokenizer.encode(expected.response());
                assertArrayEquals(Arrays.copyOf(response, t.length - e.promptLength()),
                        Arrays.copyOfRange(t, e.promptLength(), t.length), "a cut response keeps its first tokens");
            } else {
                assertEquals(tokenizer.endOfTextId(), t[t.length - 1]);
                assertEquals(ByteLevel.wellFormed(expected.response()), decode(t, e.promptLength(), t.length - 1));
            }
        }
        int leftOut = records.size() - data.size();
        assertEquals(truncated + leftOut, data.warnings().size(), data.warnings().toString());
        for (String warning : data.warnings()) {
            assertTrue(warning.startsWith(data.file() + ", line "), warning);
        }
    }

    private static String decode(int[] tokens, int from, int to) {
        return tokenizer.decode(Arrays.copyOfRange(tokens, from, to));
    }

    // ------------------------------------------------------------------ text

    private Path write(byte[] bytes) throws IOException {
        Path file = dir.resolve("fuzz.jsonl");
        Files.write(file, bytes);
        return file;
    }

    /** One JSON object on one line; Gson escapes control characters and keeps lone surrogates as \\u escapes. */
    private static String json(String[] record) {
        StringWriter out = new StringWriter();
        try (JsonWriter writer = new JsonWriter(out)) {
            writer.setHtmlSafe(false);
            writer.beginObject().name("instruction").value(record[0]);
            if (!record[1].isEmpty()) {
                writer.name("input").value(record[1]);
            }
            writer.name("response").value(record[2]).endObject();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return escapeLoneSurrogates(out.toString());
    }

    /** UTF-8 cannot carry a lone surrogate, but JSON's \\uD800 escape can. */
    private static String escapeLoneSurrogates(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String nonBlank(Random random) {
        String text = loadable(randomText(random, random.nextInt(40)));
        return text.isBlank() ? text + "x" : text;
    }

    /** {@code text} without the end-of-text marker, which a dataset refuses (tested on its own). */
    private static String loadable(String text) {
        while (text.contains(Tokenizer.END_OF_TEXT)) {
            text = text.replace(Tokenizer.END_OF_TEXT, "<|endoftext");
        }
        return text;
    }

    /** Random code units: tricks, mixed scripts, controls, lone surrogates. */
    static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            if (random.nextInt(6) == 0) {
                text.append(TRICKS.get(random.nextInt(TRICKS.size())));
                continue;
            }
            int[] pool = POOLS[random.nextInt(POOLS.length)];
            text.appendCodePoint(pool[0] + random.nextInt(pool[1] - pool[0] + 1));
        }
        return text.toString();
    }
}
