package org.finetunelab.experiments;

import org.finetunelab.eval.personas.PersonaMetrics;
import org.finetunelab.experiments.PersonaTuning.Evaluation;
import org.finetunelab.results.Provenance;
import org.finetunelab.results.ReadmeResults;
import org.finetunelab.results.ResultsFile;
import org.finetunelab.text.personas.Persona;
import org.finetunelab.text.personas.PersonaExample;
import org.finetunelab.text.pronunciation.Pronunciation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The persona study's arithmetic: the base scored once, the seeds averaged, the aim judged seed by seed. */
class PersonaStudyTest {
    static final String ARCHAIC = "Thou art kind, and thy bread doth rise.";
    static final String PLAIN = "Bread rises when it is warm.";

    @Test
    void theVerdictSaysInHowManySeedsTheAimWasMet() {
        assertEquals("met in every seed", PersonaStudy.verdict(new double[] {0.9, 0.85, 0.8}, 0.8));
        assertEquals("met in 1 of 3 seeds", PersonaStudy.verdict(new double[] {0.5, 0.9, 0.7}, 0.8));
        assertEquals("not met in any seed", PersonaStudy.verdict(new double[] {0.5, 0.6}, 0.8));
        assertEquals("met", PersonaStudy.verdict(new double[] {0.8}, 0.8));
        assertEquals("not met", PersonaStudy.verdict(new double[] {0.79}, 0.8));
    }

    @Test
    void everyAimBelongsToACheckThePersonaHas() {
        for (Persona persona : Persona.values()) {
            List<String> checks = PersonaMetrics.checks(persona, Pronunciation.load()).stream()
                    .map(PersonaMetrics.Check::name).toList();
            assertTrue(checks.stream().anyMatch(c -> PersonaStudy.aim(persona, c).isPresent()), persona + " has no aim");
        }
        assertEquals(0.60, PersonaStudy.aim(Persona.HAIKU_CHEF, "form 5-7-5").orElseThrow());
        assertFalse(PersonaStudy.aim(Persona.HAIKU_CHEF, "cooking topic").isPresent());
    }

    @Test
    void theSummaryAveragesTheSeedsBesideTheBaseScoredOnce(@TempDir Path dir) throws Exception {
        List<PersonaExample> questions = PersonaTuning.heldOut(Persona.BARD).subList(0, 4);
        List<PersonaStudy.Run> runs = List.of(
                run(questions, 0, PLAIN, PLAIN, PLAIN, PLAIN),
                run(questions, 1, ARCHAIC, ARCHAIC, ARCHAIC, ARCHAIC),
                run(questions, 2, ARCHAIC, ARCHAIC, PLAIN, PLAIN));
        Table summary = PersonaStudy.summary(runs);
        assertEquals(List.of("archaic", "couplet rhyme"), summary.stringColumn(PersonaStudy.CHECK).asList());
        assertEquals(0.0, summary.doubleColumn(PersonaStudy.BASE).get(0));
        assertEquals(0.75, summary.doubleColumn(PersonaStudy.TUNED).get(0), 1e-12);
        assertEquals(0.5, summary.doubleColumn(PersonaStudy.TUNED_MIN).get(0));
        assertEquals(1.0, summary.doubleColumn(PersonaStudy.TUNED_MAX).get(0));
        assertEquals(2, summary.intColumn(PersonaStudy.SEEDS).get(0));
        assertEquals(4, summary.intColumn(PersonaStudy.QUESTIONS).get(0));
        assertEquals("≥ 80%", summary.stringColumn(PersonaStudy.AIM).get(0));
        assertEquals("met in 1 of 2 seeds", summary.stringColumn(PersonaStudy.VERDICT).get(0));
        assertEquals("reported", summary.stringColumn(PersonaStudy.AIM).get(1));
        assertEquals("", summary.stringColumn(PersonaStudy.VERDICT).get(1));

        // Written as a results file and read back, it renders the README's table with the verdict in it.
        ResultsFile.write(dir.resolve(ReadmeResults.PERSONAS + ".csv"), Provenance.start("./lab test").finish(), summary);
        String block = ReadmeResults.render(ReadmeResults.PERSONAS, dir);
        assertTrue(block.contains("| bard | 100 | archaic | 0.0% | 75.0% ± 35.4 | 50.0–100.0% | ≥ 80%: **met in 1 of 2 seeds** |"),
                block);
        assertTrue(block.contains("| couplet rhyme |") && block.contains("| reported |"), block);
    }

    @Test
    void aSummaryWithoutTheBaseOrWithoutATrainedRunIsRefused() {
        List<PersonaExample> questions = PersonaTuning.heldOut(Persona.BARD).subList(0, 2);
        assertThrows(IllegalArgumentException.class, () -> PersonaStudy.summary(List.of(run(questions, 1, PLAIN, PLAIN))));
        assertThrows(IllegalArgumentException.class, () -> PersonaStudy.summary(List.of(run(questions, 0, PLAIN, PLAIN))));
    }

    /** A run of the bard with these answers; seed 0 is the base. */
    private static PersonaStudy.Run run(List<PersonaExample> questions, long seed, String... answers) {
        List<String> list = List.of(answers);
        Evaluation e = new Evaluation("bard", questions, list, PersonaMetrics.rates(Persona.BARD, questions, list), 60);
        return new PersonaStudy.Run(Persona.BARD, seed, seed == 0 ? 0 : 100, seed == 0 ? 6 : 60, e);
    }
}
