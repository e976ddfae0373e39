package org.finetunelab.text.personas;

import java.util.List;

/**
 * One persona example with what its checks need.
 *
 * @param topic       what the example is about, for tables: the kind of question (haiku chef), the everyday topic
 *                    (bard) or the exhibit (museum guide)
 * @param instruction the question
 * @param response    the reference answer the model learns from
 * @param accept      words a right answer names, any one of them: the dish or technique asked about (haiku chef),
 *                    the fact's answer (museum guide); empty for the bard
 * @param reject      wrong answers a right answer must not name (museum guide); may be empty
 * @param puns        the exhibit's pun words, which mark a joke when the question and fact do not already hold them
 *                    (museum guide); may be empty
 */
public record PersonaExample(String topic, String instruction, String response, List<String> accept, List<String> reject,
                             List<String> puns) {
    public PersonaExample {
        if (instruction.isBlank() || response.isBlank()) {
            throw new IllegalArgumentException("an example needs an instruction and a response: " + instruction);
        }
        accept = List.copyOf(accept);
        reject = List.copyOf(reject);
        puns = List.copyOf(puns);
    }

    /** A question alone, for scoring answers to questions that are not from a dataset. */
    public static PersonaExample question(String instruction) {
        return new PersonaExample("", instruction, "-", List.of(), List.of(), List.of());
    }
}
