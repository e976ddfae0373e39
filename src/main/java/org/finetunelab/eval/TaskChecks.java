package org.finetunelab.eval;

import org.finetunelab.text.instructions.NumberWords;
import org.finetunelab.text.instructions.TaskExample;
import org.finetunelab.text.instructions.TaskType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a model's answer to an instruction is right, by the rule of the instruction's task type:
 * exact words, a fact's word somewhere in a sentence, a number written either way, a list of the right size
 * and kind, a polite question. Answers are compared after {@link #normalise}: case (except for capital
 * letters), surrounding quotes, spaces and final punctuation do not matter.
 */
public final class TaskChecks {
    private static final Set<String> TRUE_WORDS = Set.of("true", "yes", "correct", "right");
    private static final Set<String> FALSE_WORDS = Set.of("false", "no", "incorrect", "wrong");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s*(,|;|\\band\\b)\\s*");

    private TaskChecks() {
    }

    /** True when {@code answer} does what {@code example} asked. */
    public static boolean passes(TaskExample example, String answer) {
        String a = normalise(answer);
        List<String> accept = example.accept().stream().map(TaskChecks::normalise).toList();
        return switch (example.task()) {
            case FACT_QUESTION -> accept.stream().anyMatch(w -> containsWord(a, w));
            case CHOICE, CATEGORY -> accept.stream().anyMatch(w -> containsWord(a, w))
                    && example.reject().stream().map(TaskChecks::normalise).noneMatch(w -> containsWord(a, w));
            case TRUE_FALSE -> (accept.contains("true") ? TRUE_WORDS : FALSE_WORDS).contains(firstWord(a));
            case PLURAL, ANTONYM, FIRST_WORD, LAST_WORD -> accept.contains(a);
            case UPPERCASE -> example.accept().contains(strip(answer));
            case COUNT_WORDS -> accept.contains(String.valueOf(NumberWords.parse(a)));
            case NUMBER_WORDS -> accept.stream().anyMatch(w -> w.replace('-', ' ').equals(a.replace('-', ' ')));
            case LIST_ITEMS -> isList(a, accept, example.count());
            case SORT_WORDS -> words(a).equals(words(accept.get(0)));
            case POLITE -> a.contains("please") && strip(answer).endsWith("?") && accept.stream().anyMatch(w -> containsWord(a, w));
            case REPEAT -> words(a).equals(words(accept.get(0)));
        };
    }

    /** Lower case, without surrounding quotes, spaces and final punctuation; inner spaces collapsed. */
    public static String normalise(String text) {
        return strip(text).toLowerCase(Locale.ROOT).replaceAll("[.!]+$", "").strip();
    }

    private static String strip(String text) {
        return text.strip().replaceAll("\\s+", " ").replaceAll("^[\"'`]+|[\"'`]+$", "").strip();
    }

    private static boolean containsWord(String text, String word) {
        return Pattern.compile("(^|\\W)" + Pattern.quote(word) + "($|\\W)").matcher(text).find();
    }

    private static String firstWord(String text) {
        String[] w = text.split("[^\\p{L}]+", 2);
        return w.length == 0 ? "" : w[0];
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.split("[\\s,;]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /** Exactly {@code count} different items, each one of the kind (a plural of a member counts too). */
    private static boolean isList(String answer, List<String> members, int count) {
        List<String> items = new ArrayList<>();
        for (String item : LIST_SEPARATOR.split(answer)) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        Set<String> distinct = new HashSet<>(items);
        return items.size() == count && distinct.size() == count && items.stream().allMatch(item -> members.contains(item)
                || members.contains(item.replaceAll("e?s$", "")) || members.contains(item.replaceAll("ies$", "y")));
    }

    /** The checks' own words for what a right answer looks like, per task type (for tables and lessons). */
    public static String rule(TaskType task) {
        return switch (task) {
            case FACT_QUESTION -> "names the fact's word";
            case CHOICE, CATEGORY -> "names the right option and not the wrong one";
            case TRUE_FALSE -> "starts with true/yes or false/no, as the fact says";
            case PLURAL, ANTONYM, FIRST_WORD, LAST_WORD -> "is exactly the word";
            case UPPERCASE -> "is the word in capitals";
            case COUNT_WORDS -> "is the count, in digits or words";
            case NUMBER_WORDS -> "is the number in words";
            case LIST_ITEMS -> "lists exactly N different things of the kind";
            case SORT_WORDS -> "is the words in alphabetical order";
            case POLITE -> "is a question with please about the same thing";
            case REPEAT -> "is the word, the asked number of times";
        };
    }
}
