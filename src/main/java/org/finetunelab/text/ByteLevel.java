package org.finetunelab.text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two rules that make a tokenizer "byte-level", as GPT-2 defined them.
 *
 * <p>1. <b>Pre-tokenization.</b> Before BPE runs, text is cut into words with one regular expression:
 * English contractions, runs of letters, runs of digits and runs of other symbols (each may carry one
 * leading space), and runs of whitespace. BPE merges never cross these cuts, so " the" can become one
 * token but "the." never does.
 *
 * <p>2. <b>Bytes as printable characters.</b> Each word is turned into UTF-8 bytes, and every byte is shown
 * as one printable Unicode character: bytes that are already printable keep their own character, the
 * others (space, control bytes, ...) are moved to U+0100 and up. So the space byte appears as "Ġ" and
 * newline as "Ċ" in a vocabulary. Any text at all can be written with these 256 base symbols: there is
 * no unknown token.
 */
public final class ByteLevel {

    /** GPT-2's pre-tokenization pattern; {@code \s}, {@code \p{L}}, {@code \p{N}} are Unicode classes. */
    public static final Pattern PRE_TOKENIZER = Pattern.compile(
            "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+",
            Pattern.UNICODE_CHARACTER_CLASS);

    /** BYTE_TO_CHAR[b] is the printable character that stands for byte b (0..255). */
    private static final char[] BYTE_TO_CHAR = buildByteToChar();

    private ByteLevel() {
    }

    private static char[] buildByteToChar() {
        char[] table = new char[256];
        int next = 256; // bytes that are not printable get U+0100, U+0101, ... in byte order
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            table[b] = printable ? (char) b : (char) next++;
        }
        return table;
    }

    /** The printable character that represents one byte (0..255) in a byte-level vocabulary. */
    public static char byteToChar(int b) {
        if (b < 0 || b > 255) {
            throw new IllegalArgumentException("byte value " + b + " is outside 0..255");
        }
        return BYTE_TO_CHAR[b];
    }

    /** The byte that a vocabulary character stands for, or -1 if the character is not one of the 256. */
    public static int charToByte(char c) {
        if (c < 0x21 || c > 0x143) {
            return -1;
        }
        if (c <= 0xFF) {
            return BYTE_TO_CHAR[c] == c ? c : -1;
        }
        for (int b = 0; b < 256; b++) { // only the 68 moved bytes land here; a scan keeps the code obvious
            if (BYTE_TO_CHAR[b] == c) {
                return b;
            }
        }
        return -1;
    }

    /** Writes the UTF-8 bytes of {@code text} as vocabulary characters, e.g. " héllo" becomes "ĠhÃ©llo". */
    public static String encodeBytes(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        char[] chars = new char[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            chars[i] = BYTE_TO_CHAR[bytes[i] & 0xFF];
        }
        return new String(chars);
    }

    /**
     * Turns vocabulary characters back into bytes.
     *
     * @throws IllegalArgumentException if a character is not one of the 256 byte characters
     */
    public static byte[] decodeBytes(CharSequence symbols) {
        byte[] bytes = new byte[symbols.length()];
        for (int i = 0; i < bytes.length; i++) {
            int b = charToByte(symbols.charAt(i));
            if (b < 0) {
                throw new IllegalArgumentException("character U+" + Integer.toHexString(symbols.charAt(i))
                        + " at index " + i + " of \"" + symbols + "\" is not a byte-level symbol");
            }
            bytes[i] = (byte) b;
        }
        return bytes;
    }

    /** Cuts text into GPT-2 pre-tokens; concatenating the result gives back the text exactly. */
    public static List<String> preTokenize(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = PRE_TOKENIZER.matcher(text);
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }
}
