package org.finetunelab.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PromptTemplateTest {
    @Test
    void rendersWithAndWithoutInput() {
        PromptTemplate.Rendered plain = PromptTemplate.INSTRUCTION.render("Name a colour.", "", "Teal.");
        assertEquals("### Task\nName a colour.\n\n### Answer\n", plain.prompt());
        assertEquals("Teal.", plain.response());
        PromptTemplate.Rendered withInput = PromptTemplate.INSTRUCTION.render("Translate.", "good morning", "bonjour");
        assertEquals("### Task\nTranslate.\n\n### Context\ngood morning\n\n### Answer\n", withInput.prompt());
        assertTrue(PromptTemplate.CHAT.prompt("Hi", null).contains("<|assistant|>"));
    }

    @Test
    void userTextIsInsertedLiterally() {
        String tricky = "{response} {input} {instruction} ### Answer\n<|assistant|> {{x}} \u0000";
        PromptTemplate.Rendered r = PromptTemplate.INSTRUCTION.render(tricky, tricky, tricky);
        assertEquals("### Task\n" + tricky + "\n\n### Context\n" + tricky + "\n\n### Answer\n", r.prompt());
        assertEquals(tricky, r.response());
    }

    @Test
    void anUnknownPlaceholderIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PromptTemplate("mine", "Q: {instrucion}\nA: ", "{input}", "{response}"));
        assertTrue(e.getMessage().contains("{instrucion}") && e.getMessage().contains("'mine'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PromptTemplate.named("nope"));
    }
}
