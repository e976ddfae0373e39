package org.finetunelab.text.instructions;

import org.finetunelab.eval.PreferenceChecks;
import org.finetunelab.text.corpus.Fact;
import org.finetunelab.text.corpus.KnowledgeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreferenceDataTest {
    static final Path FOLDER = Path.of("data/datasets/preferences");

    @Test
    void theCommittedFilesAreWhatTheGeneratorWrites(@TempDir Path tmp) throws Exception {
        List<Fact> facts = KnowledgeSet.load(Path.of("data/datasets/knowledge/facts.jsonl"));
        PreferenceData.write(PreferenceData.generate(InstructionData.generate(facts, 2026), facts, 2026), tmp);
        for (String file : List.of(PreferenceData.TRAIN_FILE, PreferenceData.TEST_FILE)) {
            assertEquals(Files.readString(FOLDER.resolve(file)), Files.readString(tmp.resolve(file)),
                    file + " differs from the generator's output: run ./lab finetune data preferences");
        }
    }

    @Test
    void sizesAndHeldOutPairsOnInstructionsTrainingNeverShows() {
        List<PreferencePair> train = PreferenceData.read(FOLDER.resolve(PreferenceData.TRAIN_FILE));
        List<PreferencePair> test = PreferenceData.read(FOLDER.resolve(PreferenceData.TEST_FILE));
        assertTrue(train.size() + test.size() >= 400 && test.size() >= 80, train.size() + " + " + test.size());
        Set<String> trained = new HashSet<>();
        train.forEach(p -> trained.add(p.instruction()));
        InstructionData.read(Path.of("data/datasets/instructions/train.jsonl")).forEach(e -> trained.add(e.instruction()));
        test.forEach(p -> assertFalse(trained.contains(p.instruction()), p.instruction()));
    }

    /** The program that scores behaviour agrees with every pair, and for the pair's own reason. */
    @Test
    void chosenAnswersBehaveAndRejectedOnesFailForTheirKindsReason() {
        Map<PreferencePair.Kind, String> reason = Map.of(PreferencePair.Kind.CONCISE, "rambling",
                PreferencePair.Kind.POLITE, "rude", PreferencePair.Kind.ON_TOPIC, "wrong",
                PreferencePair.Kind.RIGHT_FACT, "wrong", PreferencePair.Kind.CLEAN_ENDING, "repeats itself");
        for (String file : List.of(PreferenceData.TRAIN_FILE, PreferenceData.TEST_FILE)) {
            for (PreferencePair p : PreferenceData.read(FOLDER.resolve(file))) {
                assertEquals(List.of(), PreferenceChecks.problems(p.example(), p.chosen()), p.toString());
                List<String> problems = PreferenceChecks.problems(p.example(), p.rejected());
                boolean repeatTask = p.example().task() == TaskType.REPEAT && p.kind() == PreferencePair.Kind.CLEAN_ENDING;
                assertTrue(repeatTask ? problems.contains("wrong") : problems.contains(reason.get(p.kind())),
                        p.kind() + " " + problems + ": " + p.rejected());
            }
        }
    }
}
