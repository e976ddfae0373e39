package org.finetunelab.text.corpus;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextNormalizerTest {
    private final TextNormalizer normalizer = new TextNormalizer();

    @Test
    void composesUnicodeAndPlainsQuotes() {
        assertEquals("caf\u00e9 \"quoted\" it's", normalizer.normalize("cafe\u0301 \u201Cquoted\u201D it\u2019s"));
    }

    @Test
    void collapsesSpacesAndDropsControlCharactersAndBlankLines() {
        assertEquals("one two\nthree", normalizer.normalize("  one \t  two\u0007 \n\n\n three  \r\n"));
    }

    @Test
    void dropsLinesThatAreNotText() {
        String text = "A cat.\n  /\\_/\\  \n ( o.o ) \n-----------\nThe end.";
        assertEquals("A cat.\nThe end.", normalizer.normalize(text));
    }

    @Test
    void neverLetsTheSeparatorIntoADocument() {
        assertEquals("before\nafter", normalizer.normalize("before\n" + TextNormalizer.SEPARATOR + "\nafter"));
    }
}
