package org.finetunelab.text.corpus;

/**
 * One unit of the corpus: a dictionary article, a Bible chapter, a fortune. Documents are the grain of
 * de-duplication and of the train/validation split.
 *
 * @param source the name of the source that produced it (e.g. {@code "gcide"})
 * @param text   plain English text; may span several lines
 */
public record Document(String source, String text) {
}
