package org.finetunelab.cli;

import org.finetunelab.text.personas.Persona;
import org.finetunelab.text.personas.PersonaData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code finetune data haiku-chef|bard|museum-guide} writes the committed files byte for byte. */
class PersonaDataCommandTest {
    @Test
    void theDataCommandRemakesEachPersonasFiles(@TempDir Path tmp) throws Exception {
        for (Persona persona : Persona.values()) {
            Path out = tmp.resolve(persona.id());
            CliRun run = CliRun.of("data", persona.id(), "--out", out.toString());
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().contains("training and") && run.out().contains("held-out examples"), run.out());
            for (String file : List.of(PersonaData.TRAIN_FILE, PersonaData.TEST_FILE)) {
                assertEquals(Files.readString(persona.folder().resolve(file)), Files.readString(out.resolve(file)),
                        persona.id() + "/" + file);
            }
        }
    }
}
