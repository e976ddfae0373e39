package org.finetunelab.text.personas;

import com.google.gson.JsonParser;
import org.finetunelab.eval.personas.PersonaMetrics;
import org.finetunelab.text.PromptTemplate;
import org.finetunelab.text.Tokenizer;
import org.finetunelab.text.corpus.KnowledgeSet;
import org.finetunelab.text.pronunciation.Pronunciation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The committed persona datasets: remade byte for byte, big enough, held out honestly, passing their own checks. */
class PersonaDataTest {
    static final long SEED = 2026;

    static PersonaData.Splits generate(Persona persona) throws Exception {
        return switch (persona) {
            case HAIKU_CHEF -> HaikuChef.generate(SEED);
            case BARD -> Bard.generate(SEED);
            case MUSEUM_GUIDE -> MuseumGuide.generate(KnowledgeSet.load(Path.of("data/datasets/knowledge/facts.jsonl")), SEED);
        };
    }

    @Test
    void theCommittedFilesAreWhatTheGeneratorsWrite(@TempDir Path tmp) throws Exception {
        for (Persona persona : Persona.values()) {
            Path out = tmp.resolve(persona.id());
            PersonaData.write(generate(persona), out);
            for (String file : List.of(PersonaData.TRAIN_FILE, PersonaData.TEST_FILE)) {
                assertEquals(Files.readString(persona.folder().resolve(file)), Files.readString(out.resolve(file)),
                        persona.folder().resolve(file) + " differs from the generator's output: run ./lab finetune data " + persona.id());
            }
        }
    }

    @Test
    void sizesAndAHeldOutSplitThatTrainingNeverShows() {
        for (Persona persona : Persona.values()) {
            List<PersonaExample> train = PersonaData.read(persona.folder().resolve(PersonaData.TRAIN_FILE));
            List<PersonaExample> test = PersonaData.read(persona.folder().resolve(PersonaData.TEST_FILE));
            assertTrue(train.size() >= 500 && test.size() >= 100, persona + ": " + train.size() + " / " + test.size());
            Set<String> trained = new HashSet<>();
            train.forEach(e -> trained.add(e.instruction()));
            assertEquals(train.size(), trained.size(), persona + ": a question occurs twice in training");
            test.forEach(e -> assertFalse(trained.contains(e.instruction()), persona + ": held-out question in training: "
                    + e.instruction()));
        }
    }

    /** Every reference answer passes its persona's checks, with the dictionary if installed and without it. */
    @Test
    void everyReferenceAnswerPassesItsChecks() {
        for (Pronunciation pronunciation : List.of(Pronunciation.load(), Pronunciation.withoutDictionary())) {
            for (Persona persona : Persona.values()) {
                List<PersonaExample> all = new ArrayList<>(PersonaData.read(persona.folder().resolve(PersonaData.TRAIN_FILE)));
                all.addAll(PersonaData.read(persona.folder().resolve(PersonaData.TEST_FILE)));
                for (PersonaMetrics.Check check : PersonaMetrics.checks(persona, pronunciation)) {
                    for (PersonaExample e : all) {
                        // The bard ends four answers in five with a couplet; those must rhyme.
                        boolean expected = !check.name().equals("couplet rhyme") || e.response().contains("\n");
                        assertEquals(expected, check.test().test(e, e.response()), persona + ", " + check.name() + " ("
                                + pronunciation.describe() + "): " + e.instruction() + " -> " + e.response());
                    }
                }
            }
        }
    }

    @Test
    void everyExampleFitsTheBaseModelsContext() throws Exception {
        Path base = Path.of("data/models/base");
        int context = JsonParser.parseString(Files.readString(base.resolve("config.json"))).getAsJsonObject()
                .get("contextLength").getAsInt();
        Tokenizer tokenizer = Tokenizer.load(base);
        for (Persona persona : Persona.values()) {
            int longest = 0;
            for (String file : List.of(PersonaData.TRAIN_FILE, PersonaData.TEST_FILE)) {
                for (PersonaExample e : PersonaData.read(persona.folder().resolve(file))) {
                    PromptTemplate.Rendered r = PromptTemplate.INSTRUCTION.render(e.instruction(), null, e.response());
                    longest = Math.max(longest, tokenizer.encode(r.prompt()).length + tokenizer.encode(r.response()).length + 1);
                }
            }
            System.out.printf("%s: the longest example is %d tokens with the instruction template (context %d)%n",
                    persona.id(), longest, context);
            assertTrue(longest <= context, persona + ": " + longest);
        }
    }

    @Test
    void theHaikuChefRefusesWordsOutsideItsTable() {
        var words = org.finetunelab.text.pronunciation.LabWords.load();
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> words.lineSyllables("Saffron and sumac"));
        assertTrue(e.getMessage().contains("'sumac'") && e.getMessage().contains("lab-words.txt"), e.getMessage());
    }

    @Test
    void aCoupletMustRhymeBySpelling() {
        assertEquals("Sleep well,\nAnd all is swell.", Bard.rhymed("Sleep well, / And all is swell."));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> Bard.rhymed("Sleep well, / All is right."));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> Bard.rhymed("Good day, / Good day."));
    }
}
