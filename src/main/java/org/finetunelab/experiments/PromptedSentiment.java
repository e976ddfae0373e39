package org.finetunelab.experiments;

import org.finetunelab.eval.SequenceScorer;
import org.finetunelab.model.LanguageModel;
import org.finetunelab.text.InstructionExample;
import org.finetunelab.text.LabelledTexts;
import org.finetunelab.text.Tokenizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sentiment classification by the language model itself, with no classification head: the review goes into a
 * written prompt, {@code "Review: …\nWas this review positive or negative? It was"}, and the model's answer is the
 * label whose word (" positive", " negative") it finds more probable as the continuation. The same prompt serves
 * every way of steering a frozen model: as it is (prompt engineering), after a few solved examples (few-shot),
 * behind learned virtual tokens (prompt tuning) or learned keys and values (prefix tuning), and as training data
 * whose loss counts only the answer word ({@link #training}).
 *
 * <p>Reviews are cut to their first {@code maxReviewTokens} tokens so that prompt, examples and answer fit the
 * model's context; when they still do not, the scorer keeps the end (the question and the answer).
 */
public final class PromptedSentiment {
    /** The written prompt; {@code %s} is the review. */
    public static final String TEMPLATE = "Review: %s\nWas this review positive or negative? It was";

    private final Tokenizer tokenizer;
    private final List<String> labels;
    private final int maxReviewTokens;

    /** How a way of prompting did on held-out reviews: accuracy, and how often it answered each label. */
    public record Result(double accuracy, Map<String, Integer> answered) {
        /** The share of answers that were {@code label}: a prompt that always says the same scores the label's share. */
        public double share(String label) {
            int total = answered.values().stream().mapToInt(Integer::intValue).sum();
            return total == 0 ? 0 : answered.getOrDefault(label, 0) / (double) total;
        }
    }

    public PromptedSentiment(Tokenizer tokenizer, List<String> labels, int maxReviewTokens) {
        if (labels.size() < 2) {
            throw new IllegalArgumentException("prompted classification needs at least two labels, got " + labels);
        }
        if (maxReviewTokens < 1) {
            throw new IllegalArgumentException("maxReviewTokens = " + maxReviewTokens + " must be at least 1");
        }
        this.tokenizer = tokenizer;
        this.labels = List.copyOf(labels);
        this.maxReviewTokens = maxReviewTokens;
    }

    /** The prompt for one review (cut to its first {@code maxReviewTokens} tokens). */
    public String prompt(String review) {
        int[] ids = tokenizer.encode(review.strip());
        String cut = ids.length <= maxReviewTokens ? review.strip() : tokenizer.decode(Arrays.copyOf(ids, maxReviewTokens));
        return String.format(TEMPLATE, cut);
    }

    /** The answer the model should continue with: a space and the label's word. */
    public String answer(String label) {
        return " " + label;
    }

    /**
     * Solved examples to put in front of a prompt: the {@code perLabel} shortest training reviews of each label,
     * the labels taking turns, each followed by its answer and a blank line.
     */
    public String fewShot(List<LabelledTexts.Example> train, int perLabel) {
        Map<String, List<LabelledTexts.Example>> shortest = new LinkedHashMap<>();
        for (String label : labels) {
            List<LabelledTexts.Example> of = train.stream().filter(e -> e.label().equals(label))
                    .sorted(Comparator.comparingInt((LabelledTexts.Example e) -> e.text().length()).thenComparing(LabelledTexts.Example::id))
                    .limit(perLabel).toList();
            if (of.size() < perLabel) {
                throw new IllegalArgumentException("few-shot: only " + of.size() + " training examples of label '" + label
                        + "', asked for " + perLabel);
            }
            shortest.put(label, of);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < perLabel; i++) {
            for (String label : labels) {
                LabelledTexts.Example e = shortest.get(label).get(i);
                sb.append(prompt(e.text())).append(answer(e.label())).append("\n\n");
            }
        }
        return sb.toString();
    }

    /** Training examples whose loss counts only the answer word: prompt ids, then the answer's ids. */
    public List<InstructionExample> training(List<LabelledTexts.Example> examples) {
        List<InstructionExample> out = new ArrayList<>();
        for (LabelledTexts.Example e : examples) {
            int[] prompt = tokenizer.encode(prompt(e.text()));
            int[] answer = tokenizer.encode(answer(e.label()));
            int[] tokens = Arrays.copyOf(prompt, prompt.length + answer.length);
            System.arraycopy(answer, 0, tokens, prompt.length, answer.length);
            out.add(new InstructionExample(null, e.line(), tokens, prompt.length, false));
        }
        return out;
    }

    /** Asks {@code lm} about every review, with {@code before} (e.g. {@link #fewShot}, or "") in front of each prompt. */
    public Result evaluate(LanguageModel lm, List<LabelledTexts.Example> test, String before) {
        List<SequenceScorer.Pair> pairs = new ArrayList<>();
        for (LabelledTexts.Example e : test) {
            int[] context = tokenizer.encode(before + prompt(e.text()));
            for (String label : labels) {
                pairs.add(new SequenceScorer.Pair(context, tokenizer.encode(answer(label))));
            }
        }
        List<SequenceScorer.Score> scores = new SequenceScorer(lm.model(), 32).score(pairs);
        Map<String, Integer> answered = new LinkedHashMap<>();
        labels.forEach(l -> answered.put(l, 0));
        int right = 0;
        for (int i = 0; i < test.size(); i++) {
            int best = 0;
            for (int k = 1; k < labels.size(); k++) {
                if (scores.get(i * labels.size() + k).logProb() > scores.get(i * labels.size() + best).logProb()) {
                    best = k;
                }
            }
            String chosen = labels.get(best);
            answered.merge(chosen, 1, Integer::sum);
            if (chosen.equals(test.get(i).label())) {
                right++;
            }
        }
        return new Result(test.isEmpty() ? 0 : right / (double) test.size(), answered);
    }
}
