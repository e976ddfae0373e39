package org.finetunelab.text;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BpeCorpusPiecesTest {

    private static final String[] LINES = {
        "plain words.", "", "   indented", "trailing   ", "\t", "x", "It's 42!", "😀 emoji", "日本語", "\u00a0nbsp",
    };

    @Test
    void piecesRejoinToTheTextAndKeepThePreTokenizationOfTheWhole() throws IOException {
        Random random = new Random(5);
        StringBuilder text = new StringBuilder();
        while (text.length() < 200_000) {
            text.append(LINES[random.nextInt(LINES.length)]).append(random.nextInt(4) == 0 ? "\r\n" : "\n");
        }
        List<String> pieces = new ArrayList<>();
        BpeCorpusPieces.split(new StringReader(text.toString()), pieces::add);
        assertTrue(pieces.size() > 10, "expected many pieces, got " + pieces.size());
        assertEquals(text.toString(), String.join("", pieces));

        List<String> wordsOfPieces = new ArrayList<>();
        for (String piece : pieces) {
            assertTrue(piece.length() >= BpeCorpusPieces.PIECE_CHARS || piece == pieces.get(pieces.size() - 1));
            wordsOfPieces.addAll(ByteLevel.preTokenize(piece));
        }
        assertEquals(ByteLevel.preTokenize(text.toString()), wordsOfPieces);
    }

    @Test
    void aLineWithoutBreaksIsCutWithoutSplittingACharacter() {
        String text = "a" + "😀".repeat(BpeCorpusPieces.MAX_PIECE_CHARS / 2 + 10); // the hard cut lands mid-pair
        List<String> pieces = new ArrayList<>();
        BpeCorpusPieces.split(text, pieces::add);
        assertEquals(2, pieces.size());
        assertEquals(text, String.join("", pieces));
        for (String piece : pieces) {
            assertTrue(!Character.isLowSurrogate(piece.charAt(0))
                    && !Character.isHighSurrogate(piece.charAt(piece.length() - 1)), "a surrogate pair was split");
        }
    }

    @Test
    void emptyTextHasNoPieces() {
        List<String> pieces = new ArrayList<>();
        BpeCorpusPieces.split("", pieces::add);
        assertTrue(pieces.isEmpty());
    }
}
