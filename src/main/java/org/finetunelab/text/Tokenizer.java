package org.finetunelab.text;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.TokenizersLibrary;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A Hugging Face tokenizer loaded from a {@code tokenizer.json}: text to token ids and back.
 *
 * <p>Encoding runs in the Rust {@code tokenizers} library through DJL. This class switches off what DJL does
 * by default for classifier models: no special tokens are added, nothing is padded, and nothing is
 * truncated (DJL would cut every text to 512 tokens without a word).
 *
 * <p>For a byte-level tokenizer (GPT-2's kind, and every tokenizer {@link BpeTrainer} makes)
 * {@code decode(encode(s))} gives back {@code s} exactly, for any text. Java strings may hold lone
 * surrogates, which are not text; they are encoded as U+FFFD.
 */
public final class Tokenizer implements AutoCloseable {

    /** The token that separates documents in GPT-style training data. */
    public static final String END_OF_TEXT = BpeTrainingConfig.END_OF_TEXT;

    private static final Map<String, String> DJL_OPTIONS = Map.of(
            "addSpecialTokens", "false", "truncation", "false", "padding", "false");

    private final HuggingFaceTokenizer tokenizer;
    private final Path source;
    private final String[] tokenById;
    private final Map<String, Integer> idByToken;

    private Tokenizer(HuggingFaceTokenizer tokenizer, Path source, String[] tokenById, Map<String, Integer> idByToken) {
        this.tokenizer = tokenizer;
        this.source = source;
        this.tokenById = tokenById;
        this.idByToken = idByToken;
    }

    /**
     * Loads a tokenizer.
     *
     * @param fileOrDir a {@code tokenizer.json} file, or a directory that contains one
     * @throws NoSuchFileException      if there is no such file
     * @throws IllegalArgumentException if the file is not a valid {@code tokenizer.json}; the message names
     *                                  the file and the problem
     */
    public static Tokenizer load(Path fileOrDir) throws IOException {
        Path file = Files.isDirectory(fileOrDir) ? fileOrDir.resolve("tokenizer.json") : fileOrDir;
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, Files.isDirectory(fileOrDir)
                    ? "this directory has no tokenizer.json"
                    : "no such file; expected a tokenizer.json file or a directory that contains one");
        }
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + ": not a tokenizer.json: the file is not UTF-8 text", e);
        }
        Map<String, Integer> idByToken = readVocabulary(json, file);
        int size = idByToken.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        String[] tokenById = new String[size];
        idByToken.forEach((token, id) -> tokenById[id] = token);

        HuggingFaceTokenizer tokenizer;
        try {
            tokenizer = HuggingFaceTokenizer.newInstance(
                    new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), DJL_OPTIONS);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": the tokenizers library rejected this tokenizer.json: "
                    + e.getMessage(), e);
        }
        return new Tokenizer(tokenizer, file, tokenById, idByToken);
    }

    /** Reads {@code model.vocab} and {@code added_tokens}; this is what ids and tokens are looked up in. */
    private static Map<String, Integer> readVocabulary(String json, Path file) {
        JsonObject root;
        try {
            JsonElement parsed = JsonParser.parseString(json);
            if (!parsed.isJsonObject()) {
                throw new IllegalArgumentException(file + ": not a tokenizer.json: expected a JSON object at the top");
            }
            root = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(file + ": not valid JSON: " + e.getMessage(), e);
        }
        JsonObject model = root.has("model") && root.get("model").isJsonObject() ? root.getAsJsonObject("model") : null;
        if (model == null || !model.has("vocab")) {
            throw new IllegalArgumentException(file + ": not a tokenizer.json: expected an object \"model\" with a "
                    + "field \"vocab\" (the file Hugging Face tokenizers save as tokenizer.json)");
        }
        Map<String, Integer> idByToken = new HashMap<>();
        try {
            JsonElement vocab = model.get("vocab");
            if (vocab.isJsonObject()) { // BPE, WordPiece, WordLevel: {"token": id}
                for (Map.Entry<String, JsonElement> entry : vocab.getAsJsonObject().entrySet()) {
                    idByToken.put(entry.getKey(), checkedId(entry.getValue().getAsInt(), entry.getKey(), file));
                }
            } else if (vocab.isJsonArray()) { // Unigram: [["piece", score], ...], id = position
                JsonArray pieces = vocab.getAsJsonArray();
                for (int id = 0; id < pieces.size(); id++) {
                    idByToken.put(pieces.get(id).getAsJsonArray().get(0).getAsString(), id);
                }
            } else {
                throw new IllegalArgumentException(file + ": \"model.vocab\" must be an object or an array");
            }
            if (root.has("added_tokens") && root.get("added_tokens").isJsonArray()) {
                for (JsonElement added : root.getAsJsonArray("added_tokens")) {
                    JsonObject token = added.getAsJsonObject();
                    String content = token.get("content").getAsString();
                    idByToken.put(content, checkedId(token.get("id").getAsInt(), content, file));
                }
            }
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException && e.getMessage() != null && e.getMessage().startsWith(file.toString())) {
                throw e;
            }
            throw new IllegalArgumentException(file + ": malformed \"model.vocab\" or \"added_tokens\": " + e, e);
        }
        return idByToken;
    }

    private static int checkedId(int id, String token, Path file) {
        if (id < 0 || id > 10_000_000) {
            throw new IllegalArgumentException(file + ": token \"" + token + "\" has id " + id
                    + "; expected 0 or more (and a vocabulary under ten million)");
        }
        return id;
    }

    /** Token ids of {@code text}, with no special tokens added and no length limit. */
    public int[] encode(String text) {
        return toInts(encodeLong(text));
    }

    /** Same as {@link #encode(String)}, as {@code long}s, the type DJL tensors of ids use. */
    public long[] encodeLong(String text) {
        return takeIds(TokenizersLibrary.LIB.encode(tokenizer.getHandle(), wellFormed(text), false));
    }

    /**
     * Encodes many texts at once; the Rust library spreads them over all cores. For a corpus, pass a few
     * thousand lines or documents per call.
     */
    public List<int[]> encodeBatch(List<String> texts) {
        String[] inputs = new String[texts.size()];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = wellFormed(texts.get(i));
        }
        long[] encodings = TokenizersLibrary.LIB.batchEncode(tokenizer.getHandle(), inputs, false);
        List<int[]> ids = new ArrayList<>(encodings.length);
        for (long encoding : encodings) {
            ids.add(toInts(takeIds(encoding)));
        }
        return ids;
    }

    /**
     * Reads the ids of a native encoding and frees it. DJL's {@code Encoding} object would also copy every
     * token's text, offsets and masks into Java, which makes encoding a corpus two to three times slower.
     */
    private static long[] takeIds(long encoding) {
        try {
            return TokenizersLibrary.LIB.getTokenIds(encoding);
        } finally {
            TokenizersLibrary.LIB.deleteEncoding(encoding);
        }
    }

    /** Text of the ids, special tokens included. */
    public String decode(int[] ids) {
        long[] wide = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            wide[i] = checkId(ids[i], i);
        }
        return tokenizer.decode(wide, false);
    }

    /** Text of the ids, special tokens included. */
    public String decode(long[] ids) {
        for (int i = 0; i < ids.length; i++) {
            checkId(ids[i], i);
        }
        return tokenizer.decode(ids, false);
    }

    private long checkId(long id, int index) {
        if (id < 0 || id >= tokenById.length || tokenById[(int) id] == null) {
            throw new IllegalArgumentException("token id " + id + " at index " + index + " is not in the vocabulary of "
                    + source + " (ids 0.." + (tokenById.length - 1) + ")");
        }
        return id;
    }

    /** Number of ids: one more than the largest id in the vocabulary or the added tokens. */
    public int vocabSize() {
        return tokenById.length;
    }

    /**
     * The id of a token as the vocabulary writes it. For byte-level tokenizers that is the byte-level form:
     * " the" is the token "Ġthe".
     */
    public OptionalInt tokenId(String token) {
        Integer id = idByToken.get(token);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    /** The vocabulary entry for an id (byte-level form for byte-level tokenizers). */
    public String token(int id) {
        checkId(id, 0);
        return tokenById[id];
    }

    /** The id of {@code <|endoftext|>}. */
    public int endOfTextId() {
        Integer id = idByToken.get(END_OF_TEXT);
        if (id == null) {
            throw new IllegalStateException(source + " has no token " + END_OF_TEXT + "; the lab separates documents "
                    + "with it. Train a tokenizer with BpeTrainer, or add it to \"added_tokens\" as a special token.");
        }
        return id;
    }

    /** The {@code tokenizer.json} this tokenizer was loaded from. */
    public Path source() {
        return source;
    }

    @Override
    public void close() {
        tokenizer.close();
    }

    @Override
    public String toString() {
        return "Tokenizer[" + source + ", vocabSize=" + vocabSize() + "]";
    }

    private static int[] toInts(long[] ids) {
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = (int) ids[i];
        }
        return out;
    }

    /** Replaces lone surrogates (not valid Unicode, so not encodable) by U+FFFD; other text is unchanged. */
    static String wellFormed(String text) {
        StringBuilder fixed = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1));
                if (pair) {
                    if (fixed != null) {
                        fixed.append(c).append(text.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
                if (fixed == null) {
                    fixed = new StringBuilder(text.length()).append(text, 0, i);
                }
                fixed.append('\uFFFD');
            } else if (fixed != null) {
                fixed.append(c);
            }
        }
        return fixed == null ? text : fixed.toString();
    }
}
