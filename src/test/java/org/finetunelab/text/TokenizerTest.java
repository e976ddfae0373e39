package org.finetunelab.text;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenizerTest {

    @TempDir
    static Path dir;
    static BpeModel model;
    static Tokenizer tokenizer;

    @BeforeAll
    static void trainAndLoad() throws IOException {
        model = new BpeTrainer(BpeTrainingConfig.ofVocabSize(700)).train(BpeTestCorpus.lines(3000, 11));
        model.save(dir.resolve("trained"));
        tokenizer = Tokenizer.load(dir.resolve("trained"));
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    @Test
    void loadsFromADirectoryOrTheFileItself() throws IOException {
        Path file = dir.resolve("trained").resolve("tokenizer.json");
        assertEquals(file, tokenizer.source());
        try (Tokenizer fromFile = Tokenizer.load(file)) {
            assertEquals(file, fromFile.source());
            assertArrayEquals(tokenizer.encode("the water"), fromFile.encode("the water"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", " ", "   leading and trailing   ", "\n", "\n\n\nlines\n\n", "\t tabs\t\t", "\r\n windows \r\n",
        "emoji 😀👍🏽🇩🇪 family 👨‍👩‍👧", "combining e\u0301 a\u0308\u0323 marks", "中文 日本語 한국어", "עברית العربية mixed ltr",
        "\u0000\u0001\u0007\u001b[0m\u007f control", "\uFEFFbyte order mark", "zero\u200Bwidth\u200Djoin",
        "It's the <|endoftext|> token<|endoftext|><|endoftext|>", "<|endoftext", "\u00a0\u2028\u3000 odd spaces",
        "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝟙𝟚𝟛", "\uFFFD\uFFFF", "the the the the the the the the",
    })
    void decodeOfEncodeGivesTheTextBack(String text) {
        int[] ids = tokenizer.encode(text);
        assertEquals(text, tokenizer.decode(ids));
        assertArrayEquals(model.encode(text), ids, "Java reference encoder and the Rust library disagree");
    }

    @Test
    void longTextIsNeverTruncated() {
        String text = BpeTestCorpus.text(1500, 12);
        int[] ids = tokenizer.encode(text);
        assertTrue(ids.length > 5000, "only " + ids.length + " tokens; make the text longer");
        assertArrayEquals(model.encode(text), ids);
        assertEquals(text, tokenizer.decode(ids));
        assertEquals(ids.length, tokenizer.encodeLong(text).length);
    }

    @Test
    void batchEncodingEqualsOneByOne() {
        List<String> texts = BpeTestCorpus.lines(300, 13);
        List<int[]> batch = tokenizer.encodeBatch(texts);
        assertEquals(texts.size(), batch.size());
        for (int i = 0; i < texts.size(); i++) {
            assertArrayEquals(tokenizer.encode(texts.get(i)), batch.get(i), texts.get(i));
        }
        assertTrue(tokenizer.encodeBatch(List.of()).isEmpty());
    }

    @Test
    void vocabularyLookups() {
        assertEquals(700, tokenizer.vocabSize());
        assertEquals(0, tokenizer.endOfTextId());
        assertEquals("<|endoftext|>", tokenizer.token(0));
        int the = tokenizer.tokenId("Ġthe").orElseThrow();
        assertEquals("Ġthe", tokenizer.token(the));
        assertArrayEquals(new int[] {the}, tokenizer.encode(" the"));
        assertFalse(tokenizer.tokenId("no such token").isPresent());
        assertArrayEquals(new int[] {0}, tokenizer.encode("<|endoftext|>"));
        for (int id = 0; id < tokenizer.vocabSize(); id++) {
            assertEquals(model.token(id), tokenizer.token(id));
        }
    }

    @Test
    void loneSurrogatesBecomeReplacementCharacters() {
        assertEquals("a\uFFFDb\uFFFD", tokenizer.decode(tokenizer.encode("a\uD800b\uDC00")));
        assertEquals("ok😀", tokenizer.decode(tokenizer.encode("ok😀")));
    }

    @Test
    void unknownIdsAreRejectedWithTheirPosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> tokenizer.decode(new int[] {5, 700}));
        assertTrue(e.getMessage().contains("700") && e.getMessage().contains("index 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> tokenizer.token(-1));
    }

    @Test
    void savedJsonHasTheStandardLayout() throws IOException {
        JsonObject json = JsonParser.parseString(Files.readString(tokenizer.source())).getAsJsonObject();
        JsonObject bpe = json.getAsJsonObject("model");
        assertEquals("BPE", bpe.get("type").getAsString());
        assertEquals(700, bpe.getAsJsonObject("vocab").size());
        assertEquals(model.merges().get(0), bpe.getAsJsonArray("merges").get(0).getAsString());
        assertEquals("ByteLevel", json.getAsJsonObject("pre_tokenizer").get("type").getAsString());
        assertFalse(json.getAsJsonObject("pre_tokenizer").get("add_prefix_space").getAsBoolean());
        assertEquals("ByteLevel", json.getAsJsonObject("decoder").get("type").getAsString());
        JsonObject special = json.getAsJsonArray("added_tokens").get(0).getAsJsonObject();
        assertEquals("<|endoftext|>", special.get("content").getAsString());
        assertEquals(0, special.get("id").getAsInt());
        assertTrue(special.get("special").getAsBoolean());
    }

    @Test
    void closedTokenizerRefusesWork() throws IOException {
        Tokenizer other = Tokenizer.load(tokenizer.source());
        other.close();
        assertThrows(IllegalStateException.class, () -> other.encode("x"));
    }

    @Test
    void missingFileOrDirectoryIsNamed(@TempDir Path empty) {
        NoSuchFileException noFile = assertThrows(NoSuchFileException.class, () -> Tokenizer.load(empty.resolve("x.json")));
        assertTrue(noFile.getMessage().contains("x.json"), noFile.getMessage());
        NoSuchFileException noJson = assertThrows(NoSuchFileException.class, () -> Tokenizer.load(empty));
        assertTrue(noJson.getMessage().contains("tokenizer.json"), noJson.getMessage());
    }

    @Test
    void invalidFilesAreNamedWithTheProblem(@TempDir Path tmp) throws IOException {
        assertLoadFails(tmp, "broken.json", "{\"model\": {\"vocab\": ", "not valid JSON");
        assertLoadFails(tmp, "other.json", "{\"name\": \"a config, not a tokenizer\"}", "\"model\"");
        assertLoadFails(tmp, "array.json", "[1, 2, 3]", "JSON object");
        assertLoadFails(tmp, "ids.json", "{\"model\": {\"type\": \"BPE\", \"vocab\": {\"a\": \"x\"}, \"merges\": []}}",
                "model.vocab");
        assertLoadFails(tmp, "type.json", "{\"model\": {\"type\": \"NoSuchModel\", \"vocab\": {\"a\": 0}}}",
                "rejected");
        Path latin1 = tmp.resolve("latin1.json");
        Files.write(latin1, new byte[] {'{', (byte) 0xE9, '}'});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tokenizer.load(latin1));
        assertTrue(e.getMessage().contains("latin1.json") && e.getMessage().contains("UTF-8"), e.getMessage());
    }

    private static void assertLoadFails(Path tmp, String name, String content, String expected) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, content);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tokenizer.load(file));
        assertTrue(e.getMessage().contains(name) && e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void tokenizerWithoutEndOfTextSaysSo(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("tokenizer.json");
        Files.writeString(file, model.toJson().replace("<|endoftext|>", "<|end|>"));
        try (Tokenizer other = Tokenizer.load(file)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, other::endOfTextId);
            assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("<|endoftext|>"));
            assertEquals(0, other.tokenId("<|end|>").getAsInt());
        }
    }

    @Test
    void loadsOtherModelTypesAndGpt2Layout(@TempDir Path tmp) throws IOException {
        // WordLevel with a whitespace pre-tokenizer: vocabulary lookups work for any model type.
        Path wordLevel = tmp.resolve("wordlevel.json");
        Files.writeString(wordLevel, "{\"version\":\"1.0\",\"added_tokens\":[],\"pre_tokenizer\":{\"type\":\"Whitespace\"},"
                + "\"model\":{\"type\":\"WordLevel\",\"vocab\":{\"[UNK]\":0,\"hello\":1,\"world\":2},\"unk_token\":\"[UNK]\"}}");
        try (Tokenizer words = Tokenizer.load(wordLevel)) {
            assertArrayEquals(new int[] {1, 2, 0}, words.encode("hello world again"));
            assertEquals(3, words.vocabSize());
            assertEquals("world", words.token(2));
        }
        // Unigram keeps its vocabulary as a list of [piece, score]; the id is the position.
        Path unigram = tmp.resolve("unigram.json");
        Files.writeString(unigram, "{\"version\":\"1.0\",\"pre_tokenizer\":{\"type\":\"WhitespaceSplit\"},\"model\":"
                + "{\"type\":\"Unigram\",\"unk_id\":0,\"vocab\":[[\"<unk>\",0.0],[\"hello\",-1.0],[\"world\",-1.5]]}}");
        try (Tokenizer pieces = Tokenizer.load(unigram)) {
            assertArrayEquals(new int[] {2, 1}, pieces.encode("world hello"));
            assertEquals("hello", pieces.token(1));
            assertEquals(2, pieces.tokenId("world").getAsInt());
        }
        // GPT-2 puts <|endoftext|> last; the trained vocabulary is reused with that id order.
        Path gpt2Like = tmp.resolve("gpt2.json");
        String json = model.toJson().replace("\"id\": 0,", "\"id\": 700,").replace("\"<|endoftext|>\": 0,", "\"<|endoftext|>\": 700,");
        Files.writeString(gpt2Like, json);
        try (Tokenizer gpt2 = Tokenizer.load(gpt2Like)) {
            assertEquals(700, gpt2.endOfTextId());
            assertEquals(701, gpt2.vocabSize());
            assertArrayEquals(new int[] {700}, gpt2.encode("<|endoftext|>"));
        }
    }
}
