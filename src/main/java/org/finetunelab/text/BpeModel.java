package org.finetunelab.text;

import com.google.gson.stream.JsonWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A trained byte-level BPE tokenizer: its vocabulary and its ordered merge rules.
 *
 * <p>Ids are laid out as: the special tokens first ({@code <|endoftext|>} is 0), then the 256 byte symbols in
 * byte order, then one token per merge in the order the merges were learned. {@link #save(Path)} writes a
 * standard Hugging Face {@code tokenizer.json} that {@link Tokenizer#load(Path)} reads back.
 *
 * <p>{@link #encode(String)} is a plain Java encoder that follows the same rules as the Rust library. It is
 * slow and meant for checking and teaching; use {@link Tokenizer} to encode corpora.
 */
public final class BpeModel {

    private final List<String> tokens;        // id -> token text (byte-level symbols, or a special token)
    private final List<String> specialTokens; // ids 0 .. specialTokens.size() - 1
    private final List<int[]> merges;         // rank -> {left id, right id, merged id}

    private final Map<String, Integer> idByToken = new HashMap<>();
    private final Map<Long, int[]> mergeByPair = new HashMap<>(); // (left, right) -> {rank, merged id}

    /**
     * Builds a model from its parts. {@code tokens} must start with the special tokens, followed by the 256
     * byte symbols in byte order; every merge's merged id must name the token {@code left + right}.
     */
    public BpeModel(List<String> tokens, List<String> specialTokens, List<int[]> merges) {
        this.tokens = List.copyOf(tokens);
        this.specialTokens = List.copyOf(specialTokens);
        this.merges = merges.stream().map(int[]::clone).toList();
        int base = specialTokens.size();
        for (int i = 0; i < this.tokens.size(); i++) {
            String token = this.tokens.get(i);
            if (i < base ? !token.equals(specialTokens.get(i)) : i < base + 256
                    && !token.equals(String.valueOf(ByteLevel.byteToChar(i - base)))) {
                throw new IllegalArgumentException("token " + i + " is \"" + token + "\"; expected the special "
                        + "tokens first and then the 256 byte symbols in byte order");
            }
            if (idByToken.putIfAbsent(token, i) != null) {
                throw new IllegalArgumentException("token \"" + token + "\" appears twice (ids "
                        + idByToken.get(token) + " and " + i + ")");
            }
        }
        for (int rank = 0; rank < this.merges.size(); rank++) {
            int[] m = this.merges.get(rank);
            if (!this.tokens.get(m[2]).equals(this.tokens.get(m[0]) + this.tokens.get(m[1]))) {
                throw new IllegalArgumentException("merge " + rank + " joins ids " + m[0] + " and " + m[1]
                        + " but names id " + m[2] + " (\"" + this.tokens.get(m[2]) + "\") as the result");
            }
            mergeByPair.putIfAbsent(pairKey(m[0], m[1]), new int[] {rank, m[2]});
        }
    }

    static long pairKey(int left, int right) {
        return ((long) left << 32) | (right & 0xFFFFFFFFL);
    }

    public int vocabSize() {
        return tokens.size();
    }

    public List<String> specialTokens() {
        return specialTokens;
    }

    /** Id of {@code <|endoftext|>}, always 0 in a model trained by {@link BpeTrainer}. */
    public int endOfTextId() {
        Integer id = idByToken.get(BpeTrainingConfig.END_OF_TEXT);
        if (id == null || id >= specialTokens.size()) {
            throw new IllegalStateException("this model has no special token " + BpeTrainingConfig.END_OF_TEXT);
        }
        return id;
    }

    /** The token text for an id, in byte-level form (a space shows as "Ġ"). */
    public String token(int id) {
        if (id < 0 || id >= tokens.size()) {
            throw new IllegalArgumentException("token id " + id + " is outside 0.." + (tokens.size() - 1));
        }
        return tokens.get(id);
    }

    /** The id of a token given in byte-level form, e.g. "Ġthe". */
    public OptionalInt tokenId(String token) {
        Integer id = idByToken.get(token);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    /** Number of merge rules. */
    public int mergeCount() {
        return merges.size();
    }

    /** The merge rules in the order they apply, each as "left right" in byte-level form. */
    public List<String> merges() {
        List<String> lines = new ArrayList<>(merges.size());
        for (int[] m : merges) {
            lines.add(tokens.get(m[0]) + " " + tokens.get(m[1]));
        }
        return lines;
    }

    /**
     * Encodes text in plain Java, the way the Rust tokenizers library does for this model: special tokens are
     * cut out first, the rest is pre-tokenized, and inside each word the lowest-ranked merge is applied until
     * none applies.
     */
    public int[] encode(String text) {
        List<Integer> ids = new ArrayList<>();
        Map<String, int[]> cache = new HashMap<>();
        int start = 0;
        while (start < text.length()) {
            int[] special = nextSpecialToken(text, start);
            int end = special == null ? text.length() : special[0];
            for (String word : ByteLevel.preTokenize(text.substring(start, end))) {
                for (int id : cache.computeIfAbsent(word, this::encodeWord)) {
                    ids.add(id);
                }
            }
            if (special == null) {
                break;
            }
            ids.add(special[1]);
            start = end + specialTokens.get(special[1]).length();
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The leftmost special token at or after {@code from} (the longest one if several start there). */
    private int[] nextSpecialToken(String text, int from) {
        int[] best = null;
        for (int id = 0; id < specialTokens.size(); id++) {
            int at = text.indexOf(specialTokens.get(id), from);
            if (at >= 0 && (best == null || at < best[0]
                    || (at == best[0] && specialTokens.get(id).length() > specialTokens.get(best[1]).length()))) {
                best = new int[] {at, id};
            }
        }
        return best;
    }

    private int[] encodeWord(String word) {
        String symbols = ByteLevel.encodeBytes(word);
        int[] ids = new int[symbols.length()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = specialTokens.size() + ByteLevel.charToByte(symbols.charAt(i));
        }
        int length = ids.length;
        while (length > 1) {
            int bestRank = Integer.MAX_VALUE;
            int[] best = null;
            for (int i = 0; i + 1 < length; i++) {
                int[] merge = mergeByPair.get(pairKey(ids[i], ids[i + 1]));
                if (merge != null && merge[0] < bestRank) {
                    bestRank = merge[0];
                    best = merge;
                }
            }
            if (best == null) {
                break;
            }
            int[] pair = merges.get(bestRank);
            int out = 0;
            for (int i = 0; i < length; i++) { // replace every occurrence, left to right
                if (i + 1 < length && ids[i] == pair[0] && ids[i + 1] == pair[1]) {
                    ids[out++] = best[1];
                    i++;
                } else {
                    ids[out++] = ids[i];
                }
            }
            length = out;
        }
        return java.util.Arrays.copyOf(ids, length);
    }

    /** Turns ids back into text; the exact inverse of {@link #encode(String)}. */
    public String decode(int[] ids) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int id : ids) {
            String token = token(id);
            byte[] part = id < specialTokens.size()
                    ? token.getBytes(StandardCharsets.UTF_8)
                    : ByteLevel.decodeBytes(token);
            bytes.write(part, 0, part.length);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * Writes the model as a Hugging Face {@code tokenizer.json}.
     *
     * @param fileOrDir a {@code .json} file, or a directory that receives {@code tokenizer.json}
     * @return the file written
     */
    public Path save(Path fileOrDir) throws IOException {
        Path file = fileOrDir;
        if (Files.isDirectory(fileOrDir) || !fileOrDir.getFileName().toString().endsWith(".json")) {
            Files.createDirectories(fileOrDir);
            file = fileOrDir.resolve("tokenizer.json");
        } else if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        Files.writeString(file, toJson(), StandardCharsets.UTF_8);
        return file;
    }

    /** The {@code tokenizer.json} text: BPE model, GPT-2 byte-level pre-tokenizer and decoder, special tokens. */
    public String toJson() {
        StringWriter text = new StringWriter();
        try (JsonWriter json = new JsonWriter(text)) {
            json.setIndent("  ");
            json.setHtmlSafe(false);
            json.beginObject();
            json.name("version").value("1.0");
            json.name("truncation").nullValue();
            json.name("padding").nullValue();
            json.name("added_tokens").beginArray();
            for (int id = 0; id < specialTokens.size(); id++) {
                json.beginObject();
                json.name("id").value(id);
                json.name("content").value(specialTokens.get(id));
                json.name("single_word").value(false);
                json.name("lstrip").value(false);
                json.name("rstrip").value(false);
                json.name("normalized").value(false);
                json.name("special").value(true);
                json.endObject();
            }
            json.endArray();
            json.name("normalizer").nullValue();
            writeByteLevel(json.name("pre_tokenizer"), false);
            json.name("post_processor").nullValue();
            writeByteLevel(json.name("decoder"), true);
            json.name("model").beginObject();
            json.name("type").value("BPE");
            json.name("dropout").nullValue();
            json.name("unk_token").nullValue();
            json.name("continuing_subword_prefix").nullValue();
            json.name("end_of_word_suffix").nullValue();
            json.name("fuse_unk").value(false);
            json.name("byte_fallback").value(false);
            json.name("ignore_merges").value(false);
            json.name("vocab").beginObject();
            for (int id = 0; id < tokens.size(); id++) {
                json.name(tokens.get(id)).value(id);
            }
            json.endObject();
            json.name("merges").beginArray();
            for (String merge : merges()) {
                json.value(merge);
            }
            json.endArray();
            json.endObject();
            json.endObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to a string failed", e);
        }
        return text.append('\n').toString();
    }

    private static void writeByteLevel(JsonWriter json, boolean decoder) throws IOException {
        json.beginObject();
        json.name("type").value("ByteLevel");
        // No prefix space: " " is not added to the text, so encode/decode round trips exactly.
        json.name("add_prefix_space").value(false);
        json.name("trim_offsets").value(!decoder);
        json.name("use_regex").value(true);
        json.endObject();
    }
}
