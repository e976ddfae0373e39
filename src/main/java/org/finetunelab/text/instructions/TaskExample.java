package org.finetunelab.text.instructions;

import java.util.List;

/**
 * One instruction example with what its checker needs.
 *
 * @param task        the kind of task, which decides how an answer is checked
 * @param instruction what the user asks
 * @param response    the reference answer the model learns from
 * @param accept      answers (or words an answer must hold) that count as right; never empty
 * @param reject      words a right answer must not hold (the wrong choice), may be empty
 * @param count       how many items a list answer must have, 0 when the task is not a list
 */
public record TaskExample(TaskType task, String instruction, String response, List<String> accept, List<String> reject,
                          int count) {
    public TaskExample {
        if (instruction.isBlank() || response.isBlank()) {
            throw new IllegalArgumentException("an example needs an instruction and a response: " + instruction);
        }
        accept = List.copyOf(accept);
        reject = List.copyOf(reject);
        if (accept.isEmpty()) {
            throw new IllegalArgumentException("an example needs at least one accepted answer: " + instruction);
        }
    }
}
