package org.finetunelab.text.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * One short true statement and the multiple-choice probe built from it.
 *
 * @param id          unique name, e.g. {@code "geo-001"}
 * @param topic       e.g. {@code "geography"}
 * @param text        the full statement, e.g. {@code "The capital of France is Paris."}
 * @param prompt      a prefix of {@code text}: {@code "The capital of France is"}
 * @param answer      what follows the prompt, up to the final period: {@code " Paris"}
 * @param distractors wrong answers of the same kind: {@code [" Rome", " Madrid", " Berlin"]}
 */
public record Fact(String id, String topic, String text, String prompt, String answer, List<String> distractors) {

    public Fact {
        distractors = List.copyOf(distractors);
    }

    /** The answer first, then the distractors: the choices a probe scores. */
    public List<String> choices() {
        List<String> choices = new ArrayList<>();
        choices.add(answer);
        choices.addAll(distractors);
        return choices;
    }
}
