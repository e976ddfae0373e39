package org.finetunelab.text;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ByteLevelTest {

    @Test
    void bytesMapToGpt2Characters() {
        assertEquals('Ġ', ByteLevel.byteToChar(' '));
        assertEquals('Ċ', ByteLevel.byteToChar('\n'));
        assertEquals('ĉ', ByteLevel.byteToChar('\t'));
        assertEquals('Ā', ByteLevel.byteToChar(0));
        assertEquals('Ń', ByteLevel.byteToChar(0xAD));
        assertEquals('a', ByteLevel.byteToChar('a'));
        assertEquals('é', ByteLevel.byteToChar(0xE9));
    }

    @Test
    void the256CharactersAreDistinctPrintableAndInvertible() {
        Set<Character> seen = new HashSet<>();
        for (int b = 0; b < 256; b++) {
            char c = ByteLevel.byteToChar(b);
            assertTrue(seen.add(c), "duplicate character for byte " + b);
            assertTrue(!Character.isWhitespace(c) && !Character.isISOControl(c), "not printable: byte " + b);
            assertEquals(b, ByteLevel.charToByte(c));
        }
        assertEquals(-1, ByteLevel.charToByte(' '));
        assertEquals(-1, ByteLevel.charToByte('中'));
    }

    @Test
    void encodeBytesAndDecodeBytesAreInverse() {
        String text = " héllo\n😀\u0000";
        String symbols = ByteLevel.encodeBytes(text);
        assertEquals("ĠhÃ©lloĊðŁĺĢĀ", symbols);
        assertArrayEquals(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), ByteLevel.decodeBytes(symbols));
        assertThrows(IllegalArgumentException.class, () -> ByteLevel.decodeBytes("a b"));
    }

    @Test
    void preTokenizerSplitsLikeGpt2() {
        assertEquals(List.of("Hello", " world", "'s", " ", " end", "\n\n"),
                ByteLevel.preTokenize("Hello world's  end\n\n"));
        assertEquals(List.of("I", "'ve", " 123", " apples", "!!", "\n", "\n", "Next"),
                ByteLevel.preTokenize("I've 123 apples!!\n\nNext"));
        assertEquals(List.of(" 日本語", "\u00a0", "\u00a0", "x"), ByteLevel.preTokenize(" 日本語\u00a0\u00a0x"));
        assertEquals(List.of(), ByteLevel.preTokenize(""));
    }

    @Test
    void preTokensAlwaysConcatenateToTheText() {
        String text = "  mixed\t\tScripts: ελληνικά, русский, 中文, العربية 😀😀 123abc\r\n\u0007end  ";
        assertEquals(text, String.join("", ByteLevel.preTokenize(text)));
    }
}
