package org.finetunelab.eval.personas;

import org.finetunelab.text.JsonlDataset;
import org.finetunelab.text.personas.Persona;
import org.finetunelab.text.personas.PersonaData;
import org.finetunelab.text.personas.PersonaExample;
import org.finetunelab.text.pronunciation.Pronunciation;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each persona check against hand-labelled good and bad answers ({@code data/datasets/PERSONA/labelled.jsonl}, some
 * of them hard on purpose). The accuracies it prints are the ones the datasets' READMEs quote.
 */
class PersonaChecksTest {
    /** Accuracy of every check of {@code persona} on its labelled answers; prints the misses. */
    private static void measure(Persona persona, double floor) {
        int size = CheckAccuracy.read(persona).size();
        assertTrue(size >= 50, persona + ": " + size + " labelled answers");
        List<Pronunciation> sources = new ArrayList<>(List.of(Pronunciation.withoutDictionary()));
        Pronunciation installed = Pronunciation.load();
        if (installed.hasDictionary()) {
            sources.add(0, installed);
        }
        for (Pronunciation pronunciation : sources) {
            for (CheckAccuracy.Score score : CheckAccuracy.score(persona, pronunciation)) {
                System.out.printf(Locale.ROOT, "%s, %s (%s): %d of %d right, %.1f%% (%d labelled yes)%n", persona.id(),
                        score.check(), pronunciation.hasDictionary() ? "with the CMU dictionary" : "spelling rules only",
                        score.right(), score.labelled(), 100 * score.accuracy(), score.labelledYes());
                score.misses().forEach(m -> System.out.println("    " + m));
                assertTrue(score.accuracy() >= floor, persona + ", " + score.check() + ": " + score.accuracy());
            }
        }
    }

    @Test
    void haikuChecksOnLabelledAnswers() {
        measure(Persona.HAIKU_CHEF, 0.9);
    }

    @Test
    void bardChecksOnLabelledAnswers() {
        measure(Persona.BARD, 0.85);
    }

    @Test
    void guideChecksOnLabelledAnswers() {
        measure(Persona.MUSEUM_GUIDE, 0.85);
    }

    @Test
    void archaicMarkers() {
        assertEquals(List.of("thou", "knowest", "doth", "shineth"), BardChecks.markers("Thou knowest the sun doth rise and shineth."));
        assertEquals(List.of(), BardChecks.markers("The best test: the rest of the forest, beneath my teeth, the twentieth."));
        assertEquals(List.of("thou", "art"), BardChecks.markers("Modern art is fine, thou art right."));
        assertFalse(BardChecks.isArchaic("Thank thee! Set an alarm."), "one marker is not enough");
    }

    @Test
    void couplets() {
        Pronunciation p = Pronunciation.withoutDictionary();
        assertTrue(BardChecks.endsInCouplet("Advice.\nGo forth by day,\nAnd sing away!", p));
        assertFalse(BardChecks.endsInCouplet("Go forth by day, and sing away!", p), "one line");
        assertFalse(BardChecks.endsInCouplet("Go forth by day,\nAnd go by day.", p), "the same word");
    }

    @Test
    void topicsNameTheSubjectOrItsPlural() {
        PersonaExample beans = new PersonaExample("", "How do I cook beans?", "-", List.of("bean"), List.of(), List.of());
        assertTrue(HaikuChecks.onTopic(beans, "Beans in the pot"));
        assertFalse(HaikuChecks.onTopic(beans, "Soup in the pot"));
        PersonaExample bare = PersonaExample.question("How do I cook a cherry pie?");
        assertEquals(List.of("cherry", "cook", "pie"), HaikuChecks.cookingWords(bare.instruction()));
        assertEquals(List.of("cherry", "pie"), HaikuChecks.subjects(bare.instruction()));
        assertTrue(HaikuChecks.onTopic(bare, "Cherries, red and sweet"));
        assertFalse(HaikuChecks.onTopic(bare, "Rice in the pot, dear cook"), "cook is no subject");
        assertTrue(HaikuChecks.onTopic(PersonaExample.question("What should I make tonight?"), "Soup on a cold night"));
        assertFalse(HaikuChecks.onTopic(PersonaExample.question("What should I make tonight?"), "The moon on the lake"));
    }

    @Test
    void aPunTheVisitorBroughtIsNoJoke() {
        PersonaExample e = new PersonaExample("", "What is the twist in DNA called?", "-", List.of("helix"), List.of(),
                List.of("twist", "genes"));
        assertFalse(GuideChecks.hasJoke(e, "DNA is a double helix with a twist."), "twist is in the question");
        assertTrue(GuideChecks.hasJoke(e, "DNA is a double helix. It is in our genes to love it."));
        assertTrue(GuideChecks.factCorrect(e, "A double helix."));
        assertFalse(GuideChecks.factCorrect(e, "A double helical thing."));
    }

    @Test
    void ratesInOneTable() {
        List<PersonaExample> test = PersonaData.read(Persona.BARD.folder().resolve(PersonaData.TEST_FILE));
        List<String> answers = test.stream().map(PersonaExample::response).toList();
        Table rates = PersonaMetrics.rates(Persona.BARD, test, answers);
        assertEquals(List.of("metric", "rule", "passed", "answers", "rate"), rates.columnNames());
        assertEquals(1.0, rates.doubleColumn("rate").get(0));
        assertTrue(rates.doubleColumn("rate").get(1) > 0.6 && rates.doubleColumn("rate").get(1) < 1, "4 in 5 end in a couplet");
        Table plain = PersonaMetrics.ratesForQuestions(Persona.HAIKU_CHEF, List.of("How do I cook rice?"),
                List.of("Rinse the rice till clear\nOne cup rice, two of water\nLid on, heat down low"));
        assertEquals(List.of(1.0, 1.0), plain.doubleColumn("rate").asList());
        assertThrows(IllegalArgumentException.class, () -> PersonaMetrics.ratesForQuestions(Persona.MUSEUM_GUIDE,
                List.of("q"), List.of("a")));
    }
}
