package org.finetunelab.text.corpus;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cleaning of each smaller source, on fixtures shaped like the installed files. */
class OtherSourcesTest {

    @Test
    void jargonDropsPronunciationOriginNoteAndSenseNumbers() {
        String article = String.join("\n",
                "ABEND",
                " /a'bend/, /*-bend'/, n.",
                "",
                "    [ABnormal END]",
                "",
                "    1. Abnormal termination (of software); {crash}; {lossage}. Derives from an",
                "    error message on the IBM 360.",
                "",
                "    2. [alt.callahans] Absent By Enforced Net Deprivation.",
                "",
                "        A quoted message that was wrapped over two lines because it is quite long,",
                "        like this one.",
                "");
        assertEquals("ABEND (noun): Abnormal termination (of software); crash; lossage. Derives from an error "
                        + "message on the IBM 360.\nAbsent By Enforced Net Deprivation.\n"
                        + "A quoted message that was wrapped over two lines because it is quite long, like this one.",
                JargonSource.cleanArticle(article).orElseThrow());
    }

    @Test
    void devilTitleCasesTheHeadwordAndKeepsVerseLines() {
        String article = String.join("\n",
                "ACADEMY, n.  [from {ACADEME}]   A modern school where football is",
                "taught by the slave-",
                "driver.",
                "",
                "    My accountability, bear in mind,",
                "        Said the Grand Vizier",
                "");
        assertEquals("Academy (noun): A modern school where football is taught by the slave-driver.\n"
                        + "My accountability, bear in mind,\nSaid the Grand Vizier",
                DevilSource.cleanArticle(article).orElseThrow());
    }

    @Test
    void wordNetGlossLineKeepsWordsDefinitionAndExamples() {
        String line = "02084071 05 n 03 dog 0 domestic_dog 0 Canis_familiaris 0 002 @ 02083346 n 0000 "
                + "~ 01322604 n 0000 | a member of the genus Canis; \"the dog barked all night\"  ";
        assertEquals("dog, domestic dog, Canis familiaris (noun): a member of the genus Canis; "
                + "\"the dog barked all night\"", WordNetSource.glossLine(line).orElseThrow());
        String adjective = "00021110 00 s 02 complaisant(a) 0 obliging 0 000 | showing a cheerful willingness";
        assertEquals("complaisant, obliging (adjective): showing a cheerful willingness",
                WordNetSource.glossLine(adjective).orElseThrow());
        assertTrue(WordNetSource.glossLine("  1 This software and database is being provided").isEmpty());
    }

    @Test
    void fortunesAreSplitAtPercentLines() {
        String file = "The sheep died in the wool.\n%\nIf you fail to plan,\n  plan to fail.\n"
                + "\t\t-- Anon\n%\n%\n";
        assertEquals(List.of("The sheep died in the wool.", "If you fail to plan,\n  plan to fail.\n\t\t-- Anon"),
                FortuneSource.splitFortunes(file));
    }

    @Test
    void bibleOutputBecomesOneRunningTextPerChapter() {
        String output = String.join("\n",
                "",
                "Genesis 1",
                "",
                "  1 In the beginning God created the heaven and the earth.",
                "  2 And the earth was without form, and void;",
                "and darkness was upon the face of the deep.",
                "",
                "1 John 2",
                "",
                "  1 My little children, these things write I unto you.",
                "");
        assertEquals(List.of(
                        "Genesis 1\nIn the beginning God created the heaven and the earth. And the earth was "
                                + "without form, and void; and darkness was upon the face of the deep.",
                        "1 John 2\nMy little children, these things write I unto you."),
                KjvBibleSource.chapters(output));
    }
}
