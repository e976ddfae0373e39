package org.finetunelab.text;

import java.nio.file.Path;

/**
 * One encoded instruction example: the prompt's ids, then the response's ids, then (unless it was cut
 * to the context) the end-of-text id. Only the tokens from {@code promptLength} on are learned.
 *
 * @param file         the dataset file
 * @param line         the example's line in that file
 * @param tokens       prompt, response and end-of-text ids
 * @param promptLength how many of the tokens belong to the prompt
 * @param truncated    whether the end of the response was cut off to fit the context
 */
public record InstructionExample(Path file, long line, int[] tokens, int promptLength, boolean truncated) {
    public InstructionExample {
        if (promptLength < 0 || promptLength >= tokens.length) {
            throw new IllegalArgumentException(file + ", line " + line + ": an example needs at least one response "
                    + "token after its " + promptLength + " prompt tokens; it has " + tokens.length + " tokens");
        }
    }

    /** Tokens the model learns to write: the response and the end-of-text token. */
    public int responseLength() {
        return tokens.length - promptLength;
    }
}
