package org.finetunelab.experiments;

import org.finetunelab.model.LanguageModel;
import org.finetunelab.model.Parameter;
import org.finetunelab.peft.AdapterSet;
import org.finetunelab.text.InstructionExample;
import org.finetunelab.text.personas.Persona;
import org.finetunelab.text.personas.PersonaData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The persona recipes on the shipped base model, each trained for a handful of steps on a few examples. */
class PersonaTuningTest {
    private static final String QUESTION = "How do I keep bread fresh?";
    /** Short answers keep the tests quick; the adapters' own lengths are tested on their cards. */
    private static final int TOKENS = 16;

    /** A few steps of a persona's recipe on its first 16 examples, fast enough to move the adapter visibly. */
    private static PersonaTuning.Trained trainBriefly(LanguageModel lm, Persona persona) {
        List<InstructionExample> few = PersonaTuning.examples(lm, persona.folder().resolve(PersonaData.TRAIN_FILE)).subList(0, 16);
        PersonaTuning.Recipe recipe = PersonaTuning.Recipe.defaults(persona).withSteps(12).withBatchSize(4).withLearningRate(1e-2f);
        return PersonaTuning.train(lm, persona.id(), few, recipe, List.of(), null);
    }

    @Test
    void answerLengthsFollowTheRuleOnTheData() throws Exception {
        try (LanguageModel lm = LanguageModel.load(PersonaTuning.BASE)) {
            for (Persona p : Persona.values()) {
                List<InstructionExample> training = PersonaTuning.examples(lm, p.folder().resolve(PersonaData.TRAIN_FILE));
                assertEquals(PersonaTuning.answerTokens(training), PersonaTuning.answerTokens(p), p.id());
            }
        }
    }

    @Test
    void aCheckedAnswerIsTheGreedyOneWhenItPassesElseTheFirstSampleThatDoes() throws Exception {
        try (LanguageModel lm = LanguageModel.load(PersonaTuning.BASE)) {
            String greedy = PersonaTuning.answer(lm, QUESTION, TOKENS);
            assertEquals(new PersonaTuning.Checked(greedy, 0, true),
                    PersonaTuning.answerChecked(lm, QUESTION, TOKENS, a -> true, 4, 7));
            PersonaTuning.Checked other = PersonaTuning.answerChecked(lm, QUESTION, TOKENS, a -> !a.equals(greedy), 4, 7);
            assertEquals(1, other.drawn());
            assertTrue(other.passed());
            assertNotEquals(greedy, other.answer());
            assertEquals(other, PersonaTuning.answerChecked(lm, QUESTION, TOKENS, a -> !a.equals(greedy), 4, 7),
                    "the same seed draws the same samples");
            assertEquals(new PersonaTuning.Checked(greedy, 3, false),
                    PersonaTuning.answerChecked(lm, QUESTION, TOKENS, a -> false, 3, 7), "none passes: the greedy answer");
        }
    }

    @Test
    void recipesRefuseNonsenseNamingTheField() {
        var good = PersonaTuning.Recipe.defaults(Persona.BARD);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> good.withSteps(0)).getMessage().contains("steps"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> good.withLearningRate(-1)).getMessage().contains("learningRate"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new PersonaTuning.Recipe(0, good.targets(), 1e-3f, 10, 4, 1))
                .getMessage().contains("rank"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new PersonaTuning.Recipe(8, List.of("wte"), 1e-3f, 10, 4, 1))
                .getMessage().contains("targetModules"));
    }

    @Test
    @Tag("slow")
    void trainingChangesOnlyTheAdapterAndTheBaseStaysBitIdentical() throws Exception {
        try (LanguageModel lm = LanguageModel.load(PersonaTuning.BASE)) {
            Map<String, float[]> base = new LinkedHashMap<>();
            lm.model().namedParameters().forEach((n, p) -> base.put(n, p.array().toFloatArray()));
            PersonaTuning.Trained trained = trainBriefly(lm, Persona.HAIKU_CHEF);
            assertEquals(12, trained.result().stepsDone());

            Map<String, Parameter> now = lm.model().namedParameters();
            base.forEach((name, values) -> assertTrue(Arrays.equals(values, now.get(name).array().toFloatArray()),
                    "base weight " + name + " changed"));
            // What trains is the adapter and nothing else, and it did move (B starts at zero).
            assertEquals(new HashSet<>(trained.adapter().weights().values()), new HashSet<>(lm.model().trainableParameters().values()));
            double moved = trained.adapter().weights().entrySet().stream().filter(e -> e.getKey().endsWith("lora_B"))
                    .mapToDouble(e -> e.getValue().array().abs().sum().getFloat()).sum();
            assertTrue(moved > 0, "the adapter's B matrices are still zero");
        }
    }

    @Test
    @Tag("slow")
    void savedAdaptersLoadBackOntoAFreshBaseAndAnswerTheSame(@TempDir Path dir) throws Exception {
        String trainedAnswer;
        PersonaTuning.Trained trained;
        try (LanguageModel lm = LanguageModel.load(PersonaTuning.BASE)) {
            trained = trainBriefly(lm, Persona.BARD);
            trainedAnswer = PersonaTuning.answer(lm, QUESTION, TOKENS);
            assertEquals(dir.resolve("bard"), PersonaTuning.save(trained, dir));
        }
        assertTrue(Files.isRegularFile(dir.resolve("bard/method.json")) && Files.isRegularFile(dir.resolve("bard/persona.json")));
        try (LanguageModel fresh = LanguageModel.load(PersonaTuning.BASE)) {
            PersonaAdapters personas = PersonaTuning.loadAll(fresh, dir);
            assertEquals(List.of("bard"), List.copyOf(personas.names()));
            assertEquals(trainedAnswer, personas.answer("bard", QUESTION, PersonaTuning.answering(TOKENS), null));
            PersonaAdapters.Card card = personas.card("bard");
            assertEquals(trained.recipe(), card.recipe());
            assertEquals(12, card.stepsDone());
            assertEquals(trained.answerTokens(), card.answerTokens());
        }
    }

    @Test
    @Tag("slow")
    void threeAdaptersShareOneBaseAndEachQuestionGetsItsPersona(@TempDir Path dir) throws Exception {
        Map<String, String> alone = new LinkedHashMap<>();
        for (Persona p : Persona.values()) {
            try (LanguageModel lm = LanguageModel.load(PersonaTuning.BASE)) {
                PersonaTuning.save(trainBriefly(lm, p), dir);
                alone.put(p.id(), PersonaTuning.answer(lm, QUESTION, TOKENS));
            }
        }
        String baseAnswer;
        try (LanguageModel lm = LanguageModel.load(PersonaTuning.BASE)) {
            baseAnswer = PersonaTuning.answer(lm, QUESTION, TOKENS);
        }
        try (LanguageModel lm = LanguageModel.load(PersonaTuning.BASE)) {
            long baseWeights = lm.model().parameterCount();
            PersonaAdapters personas = PersonaTuning.loadAll(lm, dir);
            assertEquals(alone.keySet(), personas.names());
            // The base is held once; each persona adds only its own LoRA weights (r=16 on every projection: 8.5% each).
            long added = lm.model().parameterCount() - baseWeights;
            long own = personas.names().stream().flatMap(n -> personas.adapters().get(n).weights().values().stream())
                    .mapToLong(Parameter::size).sum();
            assertEquals(own, added);
            assertTrue(added < baseWeights / 3, "three adapters add " + added + " weights to " + baseWeights);

            // Question by question, in an order that switches every time: each answer is its persona's own.
            Map<String, String> together = new HashMap<>();
            for (String name : List.of("bard", "haiku-chef", AdapterSet.NONE, "museum-guide", "bard", AdapterSet.NONE, "haiku-chef")) {
                String answer = personas.answer(name, QUESTION, PersonaTuning.answering(TOKENS), null);
                assertEquals(name.equals(AdapterSet.NONE) ? baseAnswer : alone.get(name), answer, name);
                together.put(name, answer);
            }
            assertEquals(4, new HashSet<>(together.values()).size(), "the three personas and the base answer alike: " + together);
            assertNotEquals(together.get("bard"), together.get("haiku-chef"));
        }
    }

    @Test
    void loadAllNamesTheFolderWhenThereIsNothingToLoad(@TempDir Path dir) throws Exception {
        try (LanguageModel lm = LanguageModel.load(PersonaTuning.BASE)) {
            var e = assertThrows(IllegalArgumentException.class, () -> PersonaTuning.loadAll(lm, dir));
            assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains("no persona adapters"), e.getMessage());
        }
    }
}
