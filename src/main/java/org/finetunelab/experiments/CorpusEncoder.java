package org.finetunelab.experiments;

import org.finetunelab.text.Tokenizer;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes a corpus file whose documents are separated by lines holding only {@code <|endoftext|>} into one
 * token stream, with the end-of-text id between documents so the model learns where texts end.
 */
public final class CorpusEncoder {
    private static final int BATCH = 512;

    private CorpusEncoder() {
    }

    public static int[] encode(Tokenizer tokenizer, Path corpus) throws IOException {
        int eot = tokenizer.endOfTextId();
        IntStream out = new IntStream();
        List<String> pending = new ArrayList<>();
        StringBuilder doc = new StringBuilder();
        try (BufferedReader in = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.equals(Tokenizer.END_OF_TEXT)) {
                    flush(doc, pending);
                    if (pending.size() >= BATCH) {
                        append(tokenizer, pending, eot, out);
                    }
                } else {
                    if (doc.length() > 0) {
                        doc.append('\n');
                    }
                    doc.append(line);
                }
            }
        }
        flush(doc, pending);
        append(tokenizer, pending, eot, out);
        return out.toArray();
    }

    private static void flush(StringBuilder doc, List<String> pending) {
        if (doc.length() > 0) {
            pending.add(doc.toString());
            doc.setLength(0);
        }
    }

    private static void append(Tokenizer tokenizer, List<String> docs, int eot, IntStream out) {
        for (int[] ids : tokenizer.encodeBatch(docs)) {
            out.add(eot);
            out.addAll(ids);
        }
        docs.clear();
    }

    /** A growable int array: corpora have millions of tokens, too many for a List of Integers. */
    private static final class IntStream {
        private int[] data = new int[1 << 20];
        private int size;

        void add(int v) {
            ensure(1);
            data[size++] = v;
        }

        void addAll(int[] values) {
            ensure(values.length);
            System.arraycopy(values, 0, data, size, values.length);
            size += values.length;
        }

        private void ensure(int extra) {
            if (size + extra > data.length) {
                data = java.util.Arrays.copyOf(data, Math.max(data.length * 2, size + extra));
            }
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(data, size);
        }
    }
}
