package org.finetunelab.text.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * Reads a dictionary in the dictd format: a {@code NAME.index} file with one line per headword
 * ({@code headword TAB offset TAB length}, numbers in base 64) and a {@code NAME.dict.dz} file holding the
 * article bytes. A {@code .dz} file is compressed with dictzip, which is ordinary gzip with an index in its
 * header, so {@link GZIPInputStream} reads it.
 */
public final class DictdFile {
    private static final String BASE64_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /** One article of the dictionary as stored: its first headword and its raw text. */
    public record Article(String headword, String text) {
    }

    private DictdFile() {
    }

    /**
     * Every article once, in file order. Several headwords may point at the same article; it is returned
     * once. The dictionary's own description entries ({@code 00-database-...}) are skipped.
     */
    public static List<Article> readArticles(Path index, Path dictDz) throws IOException {
        byte[] data;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(dictDz), 1 << 16)) {
            data = in.readAllBytes();
        }
        // offset -> [length, headword]; a TreeMap keeps file order and drops repeated offsets.
        TreeMap<Long, Article> byOffset = new TreeMap<>();
        List<String> lines = Files.readAllLines(index, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String[] fields = lines.get(i).split("\t");
            if (fields.length < 3) {
                throw new IOException(index + " line " + (i + 1) + ": expected 'headword TAB offset TAB length'");
            }
            String headword = fields[0];
            if (headword.startsWith("00-database") || headword.startsWith("00database")) {
                continue;
            }
            long offset = decodeBase64Number(fields[1]);
            long length = decodeBase64Number(fields[2]);
            if (offset + length > data.length) {
                throw new IOException(index + " line " + (i + 1) + ": article of '" + headword
                        + "' lies beyond the end of " + dictDz);
            }
            byOffset.putIfAbsent(offset, new Article(headword,
                    new String(data, (int) offset, (int) length, StandardCharsets.UTF_8)));
        }
        return new ArrayList<>(byOffset.values());
    }

    /** dictd writes offsets and lengths as base-64 numbers, most significant digit first. */
    static long decodeBase64Number(String digits) {
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = BASE64_DIGITS.indexOf(digits.charAt(i));
            if (digit < 0) {
                throw new IllegalArgumentException("'" + digits + "' is not a dictd base-64 number");
            }
            value = value * 64 + digit;
        }
        return value;
    }
}
