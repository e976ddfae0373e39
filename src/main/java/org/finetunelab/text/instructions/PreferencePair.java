package org.finetunelab.text.instructions;

/**
 * Two answers to one instruction, one preferred: the data a reward model and DPO learn from.
 *
 * @param kind     what the preference is about
 * @param example  the instruction example the pair is built on (its checker judges any answer to it)
 * @param chosen   the preferred answer
 * @param rejected the other answer
 */
public record PreferencePair(Kind kind, TaskExample example, String chosen, String rejected) {
    /** The preferences the lab teaches, each one a program can score. */
    public enum Kind {
        CONCISE("a short answer over a rambling one"),
        POLITE("a polite answer over a rude one"),
        ON_TOPIC("an answer to the question over an answer to another question"),
        RIGHT_FACT("the right fact over a wrong one"),
        CLEAN_ENDING("an answer that ends over one that repeats itself");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public String description() {
            return description;
        }

        public static Kind of(String id) {
            for (Kind k : values()) {
                if (k.id().equals(id)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown preference kind '" + id + "'; the kinds are "
                    + java.util.Arrays.stream(values()).map(Kind::id).toList());
        }
    }

    public String instruction() {
        return example.instruction();
    }

    /** The pair as plain texts, as a preference file holds them. */
    public org.finetunelab.text.PreferenceExample texts() {
        return new org.finetunelab.text.PreferenceExample(instruction(), chosen, rejected);
    }
}
