package org.finetunelab.text;

import java.io.IOException;
import java.io.Reader;
import java.util.function.Consumer;

/**
 * Cuts a long text into pieces of a few kilobytes, so that a trainer can sample pieces evenly from a corpus
 * it streams instead of holding it in memory.
 *
 * <p>A piece ends after a line break that has a visible character on both sides ("end.\nNext"). At such a
 * cut GPT-2's pre-tokenizer makes the same words whether it sees the pieces or the whole text, so the
 * cutting does not change the word counts. A very long line without such a break is cut hard after
 * {@link #MAX_PIECE_CHARS} characters.
 */
final class BpeCorpusPieces {

    /** A piece is at least this long unless the text ends. */
    static final int PIECE_CHARS = 8 * 1024;
    /** Longest piece, for text without a safe line break. */
    static final int MAX_PIECE_CHARS = 1 << 20;

    private final Consumer<String> sink;
    private final StringBuilder pending = new StringBuilder();
    private int searchedUpTo = PIECE_CHARS; // positions before this were already checked for a cut

    BpeCorpusPieces(Consumer<String> sink) {
        this.sink = sink;
    }

    /** Passes the pieces of one whole text to {@code sink}; an empty text gives no piece. */
    static void split(String text, Consumer<String> sink) {
        BpeCorpusPieces pieces = new BpeCorpusPieces(sink);
        pieces.accept(text);
        pieces.finish();
    }

    /** Streams a reader through {@code sink} piece by piece. */
    static void split(Reader reader, Consumer<String> sink) throws IOException {
        BpeCorpusPieces pieces = new BpeCorpusPieces(sink);
        char[] buffer = new char[64 * 1024];
        int n;
        while ((n = reader.read(buffer)) > 0) {
            pieces.accept(java.nio.CharBuffer.wrap(buffer, 0, n));
        }
        pieces.finish();
    }

    void accept(CharSequence chunk) {
        pending.append(chunk);
        while (pending.length() > PIECE_CHARS) {
            int cut = findCut();
            if (cut < 0) {
                if (pending.length() < MAX_PIECE_CHARS) {
                    return; // wait for more text
                }
                cut = MAX_PIECE_CHARS;
                if (Character.isHighSurrogate(pending.charAt(cut - 1))) {
                    cut--; // never split a surrogate pair
                }
            }
            sink.accept(pending.substring(0, cut));
            pending.delete(0, cut);
            searchedUpTo = PIECE_CHARS;
        }
    }

    void finish() {
        if (pending.length() > 0) {
            sink.accept(pending.toString());
            pending.setLength(0);
        }
        searchedUpTo = PIECE_CHARS;
    }

    private int findCut() {
        for (int p = Math.max(searchedUpTo, 2); p < pending.length(); p++) {
            if (isSafeCut(pending, p)) {
                return p;
            }
        }
        searchedUpTo = Math.max(PIECE_CHARS, pending.length() - 1);
        return -1;
    }

    /** True when cutting between {@code p - 1} and {@code p} leaves GPT-2's pre-tokenization unchanged. */
    static boolean isSafeCut(CharSequence text, int p) {
        return p >= 2 && p < text.length() && text.charAt(p - 1) == '\n'
                && !isSpace(text.charAt(p - 2)) && !isSpace(text.charAt(p));
    }

    /** Whitespace as the pre-tokenizer's Unicode {@code \s} sees it. */
    static boolean isSpace(char c) {
        return (c >= '\t' && c <= '\r') || c == '\u0085' || Character.isSpaceChar(c);
    }
}
