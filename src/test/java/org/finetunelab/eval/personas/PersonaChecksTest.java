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
    /** The label field of each check in the labelled files. */
    private static final Map<String, String> LABEL = Map.of("form 5-7-5", "form", "cooking topic", "topic", "archaic", "archaic",
            "couplet rhyme", "couplet", "fact correct", "fact", "joke", "joke");

    private record Labelled(PersonaExample example, String answer, Map<String, Boolean> labels) {
    }

    private static List<Labelled> labelled(Persona persona) {
        Path file = persona.folder().resolve("labelled.jsonl");
        List<String> labels = PersonaMetrics.checks(persona, Pronunciation.withoutDictionary()).stream()
                .map(c -> LABEL.get(c.name())).toList();
        List<String> required = new ArrayList<>(List.of("instruction", "answer"));
        required.addAll(labels);
        Table t = JsonlDataset.load(file, required, List.of("accept", "reject", "puns", "note"));
        List<Labelled> out = new ArrayList<>();
        for (int r = 0; r < t.rowCount(); r++) {
            final int row = r;
            PersonaExample e = new PersonaExample("", t.stringColumn("instruction").get(r), "-",
                    parts(t.stringColumn("accept").get(r)), parts(t.stringColumn("reject").get(r)), parts(t.stringColumn("puns").get(r)));
            Map<String, Boolean> values = new java.util.HashMap<>();
            labels.forEach(l -> values.put(l, t.stringColumn(l).get(row).equals("yes")));
            out.add(new Labelled(e, t.stringColumn("answer").get(r), values));
        }
        return out;
    }

    private static List<String> parts(String joined) {
        return joined.isEmpty() ? List.of() : List.of(joined.split("\\|"));
    }

    /** Accuracy of every check of {@code persona} on its labelled answers; prints the misses. */
    private static void measure(Persona persona, double floor) {
        List<Labelled> set = labelled(persona);
        assertTrue(set.size() >= 50, persona + ": " + set.size() + " labelled answers");
        List<Pronunciation> sources = new ArrayList<>(List.of(Pronunciation.withoutDictionary()));
        Pronunciation installed = Pronunciation.load();
        if (installed.hasDictionary()) {
            sources.add(0, installed);
        }
        for (Pronunciation pronunciation : sources) {
            for (PersonaMetrics.Check check : PersonaMetrics.checks(persona, pronunciation)) {
                String label = LABEL.get(check.name());
                int right = 0;
                int yes = 0;
                List<String> misses = new ArrayList<>();
                for (Labelled l : set) {
                    boolean says = check.test().test(l.example(), l.answer());
                    boolean truth = l.labels().get(label);
                    yes += truth ? 1 : 0;
                    if (says == truth) {
                        right++;
                    } else {
                        misses.add((says ? "false yes: " : "false no: ") + l.answer().replace("\n", " / "));
                    }
                }
                double accuracy = (double) right / set.size();
                System.out.printf(Locale.ROOT, "%s, %s (%s): %d of %d right, %.1f%% (%d labelled yes)%n", persona.id(),
                        check.name(), pronunciation.hasDictionary() ? "with the CMU dictionary" : "spelling rules only",
                        right, set.size(), 100 * accuracy, yes);
                misses.forEach(m -> System.out.println("    " + m));
                assertTrue(accuracy >= floor, persona + ", " + check.name() + ": " + accuracy);
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
