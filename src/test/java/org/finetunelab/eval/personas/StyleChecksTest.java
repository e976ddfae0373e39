package org.finetunelab.eval.personas;

import org.finetunelab.text.personas.Persona;
import org.finetunelab.text.personas.PersonaData;
import org.finetunelab.text.personas.PersonaExample;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generic style checks, learnt from the bard's training responses as if the bard were a student's own persona. */
class StyleChecksTest {
    private static final List<PersonaExample> BARD = PersonaData.read(Persona.BARD.folder().resolve(PersonaData.TRAIN_FILE));

    @Test
    void styleWordsAreTheOnesTheResponsesFavourNotEverydayEnglish() {
        List<String> words = StyleChecks.styleWords(BARD);
        System.out.println("bard style words: " + words);
        assertTrue(words.containsAll(List.of("thou", "thy")), words.toString());
        assertFalse(words.contains("the") || words.contains("and") || words.contains("your"), words.toString());
        assertTrue(words.size() <= StyleChecks.MAX_STYLE_WORDS);
    }

    @Test
    void heldOutReferencesPassAndPlainAnswersDoNot() {
        List<PersonaMetrics.Check> checks = StyleChecks.from(BARD);
        List<PersonaExample> test = PersonaData.read(Persona.BARD.folder().resolve(PersonaData.TEST_FILE));
        Table rates = PersonaMetrics.rates("bard as own data", checks, test, test.stream().map(PersonaExample::response).toList());
        System.out.println(rates.print());
        assertTrue(rates.doubleColumn("rate").get(0) >= 0.95, rates.print());
        assertTrue(rates.doubleColumn("rate").get(1) >= 0.85, rates.print());

        PersonaExample q = PersonaExample.question("How do I keep bread fresh?");
        String plain = "Keep it in a paper bag in a cool place, and freeze what you will not eat in two days.";
        assertFalse(checks.get(0).test().test(q, plain), "plain English has no archaic style");
        assertTrue(checks.get(0).test().test(q, "Keep thy loaf in a cloth, good friend, for air is its foe."));
        // A style word the question already holds is no style.
        assertFalse(checks.get(0).test().test(PersonaExample.question("Why do people say thou?"), "People say thou."));
        assertEquals(List.of("style words", "length"), checks.stream().map(PersonaMetrics.Check::name).toList());
    }
}
