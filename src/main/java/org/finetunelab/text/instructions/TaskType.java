package org.finetunelab.text.instructions;

import java.util.Locale;

/**
 * The kinds of instruction in the lab's instruction data, each with answers a program can check. The
 * checker for each kind lives in {@code eval.TaskChecks}; the examples are written by {@link InstructionData}.
 */
public enum TaskType {
    FACT_QUESTION("a question about one of the knowledge facts; the answer names the fact's word"),
    TRUE_FALSE("true or false about a fact, or a fact with one word swapped"),
    CHOICE("which of two words completes a fact"),
    PLURAL("the plural of a noun"),
    ANTONYM("the opposite of an adjective"),
    UPPERCASE("a word in capital letters"),
    COUNT_WORDS("how many words a short sentence has"),
    FIRST_WORD("the first word of a sentence"),
    LAST_WORD("the last word of a sentence"),
    NUMBER_WORDS("a number from 0 to 99 written in words"),
    LIST_ITEMS("name N things of a kind"),
    SORT_WORDS("put three or four words in alphabetical order"),
    POLITE("turn an order into a polite question"),
    CATEGORY("which of two kinds something is"),
    REPEAT("say a word two, three or four times");

    private final String description;

    TaskType(String description) {
        this.description = description;
    }

    /** The name used in the data files, e.g. {@code fact_question}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }

    /** The task with this data-file name. */
    public static TaskType of(String id) {
        for (TaskType t : values()) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown task type '" + id + "'; the task types are "
                + java.util.Arrays.stream(values()).map(TaskType::id).toList());
    }
}
