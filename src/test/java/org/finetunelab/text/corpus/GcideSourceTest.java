package org.finetunelab.text.corpus;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GcideSourceTest {
    private static final String ABANDON = String.join("\n",
            "Abandon \\A*ban\"don\\ ([.a]*b[a^]n\"d[u^]n), v. t. [imp. & p. p.",
            "   {Abandoned} (-d[u^]nd); p. pr. & vb. n. {Abandoning}.] [OF.",
            "   abandoner, F. abandonner; a (L. ad) + bandon permission,",
            "   give up. See {Ban}.]",
            "   1. To cast or drive out; to banish; to expel; to reject.",
            "      [Obs.]",
            "      [1913 Webster]",
            "",
            "            That he might . . . abandon them from him. --Udall.",
            "      [1913 Webster]",
            "",
            "   2. (Mar. Law) To give up absolutely; to forsake entirely. See",
            "      {Desert}, v. t.",
            "      [1913 Webster]",
            "",
            "   Syn: To give up; yield; forego; cede; surrender.",
            "",
            "   Usage: {To Abandon}, {Desert}, {Forsake}. These words agree",
            "          in representing a person as giving up some object.",
            "          [1913 Webster]",
            "");

    @Test
    void keepsDefinitionsAndQuotationsAsSentences() {
        String text = GcideSource.cleanArticle(ABANDON).orElseThrow();
        List<String> lines = List.of(text.split("\n"));
        assertEquals("Abandon (verb): To cast or drive out; to banish; to expel; to reject.", lines.get(0));
        assertEquals("That he might... abandon them from him.", lines.get(1).replace(". . .", "..."));
        assertEquals("To give up absolutely; to forsake entirely.", lines.get(2));
        assertEquals("To Abandon, Desert, Forsake. These words agree in representing a person as giving up some "
                + "object.", lines.get(3));
        assertEquals(4, lines.size(), text);
    }

    @Test
    void removesPronunciationEtymologyTagsAndBraces() {
        String text = GcideSource.cleanArticle(ABANDON).orElseThrow();
        for (String markup : List.of("\\", "{", "}", "[", "]", "Webster", "Obs", "--Udall", "OF.", "Syn", "Mar.")) {
            assertFalse(text.contains(markup), "'" + markup + "' left in: " + text);
        }
    }

    @Test
    void turnsAccentCodesIntoLettersAndKeepsInsertedWords() {
        String article = String.join("\n",
                "Cafe \\Caf['e]\\, n. [F.]",
                "   A coffee house; a caf['e] or restaurant. [Colloq.]",
                "   [1913 Webster]",
                "",
                "            [He] throws his steep flight in many an aery wheel.",
                "                                                  --Milton.",
                "   [1913 Webster]");
        String text = GcideSource.cleanArticle(article).orElseThrow();
        assertEquals("Cafe (noun): A coffee house; a café or restaurant.\n"
                + "He throws his steep flight in many an aery wheel.", text);
    }

    @Test
    void keepsWordNetStyleArticlesWhoseLinesStartWithBraces() {
        String article = String.join("\n",
                "Entomophthorales \\Entomophthorales\\ n.",
                "   an order of fungi coextensive with the family",
                "   {Entomophthoraceae}.",
                "",
                "   Syn: order Entomophthorales.",
                "        [WordNet 1.5]");
        assertEquals("Entomophthorales (noun): an order of fungi coextensive with the family Entomophthoraceae.",
                GcideSource.cleanArticle(article).orElseThrow());
    }

    @Test
    void dropsArticlesWithNothingButReferences() {
        String article = "Boule \\Boule\\, n.\n   See {Buhl}.\n   [1913 Webster]\n";
        assertTrue(GcideSource.cleanArticle(article).isEmpty());
    }

    @Test
    void aHeaderThatWrapsOverSeveralLinesIsRemovedWhole() {
        String article = String.join("\n",
                "Brahmanic \\Brah*man\"ic\\, -ical \\-ic*al\\, Brahminic",
                "\\Brah*min\"ic\\, ical \\*ic*al\\,a.",
                "   Of or pertaining to the Brahmans or to their doctrines and",
                "   worship.",
                "   [1913 Webster] Brahmanism");
        assertEquals("Brahmanic (adjective): Of or pertaining to the Brahmans or to their doctrines and worship.",
                GcideSource.cleanArticle(article).orElseThrow());
        String withPronunciationBelow = String.join("\n",
                "Angiospermatous \\An`gi*o*sper\"ma*tous\\",
                "   ([a^]n`j[i^]*[-o]*sp[~e]r\"m[.a]*t[u^]s), a. (Bot.)",
                "   Having seeds enclosed in a seed vessel.",
                "   [1913 Webster]");
        assertEquals("Angiospermatous (adjective): Having seeds enclosed in a seed vessel.",
                GcideSource.cleanArticle(withPronunciationBelow).orElseThrow());
    }

    @Test
    void dropsRunOnFormsAndBiblicalReferences() {
        String article = String.join("\n",
                "Exhausting \\Ex*haust\"ing\\, a.",
                "   Producing exhaustion; as, exhausting labors. --",
                "   {Ex*haust\"ing*ly}, adv.",
                "   [1913 Webster]",
                "",
                "         They spake to her to that effect. --2 Chron. xxxiv.",
                "         22.",
                "   [1913 Webster]");
        assertEquals("Exhausting (adjective): Producing exhaustion; as, exhausting labors.\n"
                + "They spake to her to that effect.", GcideSource.cleanArticle(article).orElseThrow());
    }
}
