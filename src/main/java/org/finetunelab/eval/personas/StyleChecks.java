package org.finetunelab.eval.personas;

import org.finetunelab.eval.personas.PersonaMetrics.Check;
import org.finetunelab.text.personas.PersonaExample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks for a persona of your own. No hand-written rule knows your style, so these checks learn it from the training
 * examples themselves, roughly:
 * <ul>
 *   <li><b>style words</b>: the words that many training responses use and the questions seldom do ("thou", "arr",
 *   "matey"), everyday English words left out. An answer has the style when it uses one of them that its question
 *   does not already hold.</li>
 *   <li><b>length</b>: the answer has as many words as the middle 90% of the training responses.</li>
 * </ul>
 * <pre>
 * List&lt;Check&gt; checks = StyleChecks.from(trainingExamples);
 * Table rates = PersonaMetrics.rates("my persona", checks, heldOut, answers);
 * </pre>
 * They are a first measure, not a judge: a {@link Check} is a name, a rule and a test, so replace them with checks
 * that know what your persona should do, as the lab's personas have ({@link HaikuChecks}, {@link BardChecks}).
 */
public final class StyleChecks {
    /** At most this many style words are kept, the most used first. */
    public static final int MAX_STYLE_WORDS = 30;
    /** A style word is used by at least this share of the training responses... */
    static final double MIN_SHARE = 0.05;
    /** ...and by this many times more responses than questions (each count plus one, so a word no question uses counts). */
    static final double MIN_RATIO = 3;

    /** Words every English answer uses: they say nothing about a style. */
    static final Set<String> EVERYDAY = new HashSet<>(Arrays.asList(("a about after again all also always am an and any "
            + "are around as at away back be because been before being best better between both but by can could day did "
            + "do does done down each even ever every few first for from get gets give go goes good got great had has have "
            + "he her here him his how i if in into is it its it's just keep know last let like little long look made make "
            + "many may me more most much must my never new next no not now of off often old on once one only or other "
            + "our out over own part people put right same see she should so some still such take than that the their them "
            + "then there these they thing things think this those through time to too two up us use very was way we well "
            + "were what when where which while who why will with without would year years yes yet you your you're").split(" ")));

    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}']*");

    private StyleChecks() {
    }

    /** The style-words check and the length check, learnt from {@code training}. */
    public static List<Check> from(List<PersonaExample> training) {
        List<String> style = styleWords(training);
        int[] range = lengthRange(training);
        String shown = style.isEmpty() ? "(none found)" : String.join(", ", style.subList(0, Math.min(8, style.size())))
                + (style.size() > 8 ? ", ..." : "");
        return List.of(
                new Check("style words", "uses a word the training responses favour: " + shown,
                        (e, a) -> usesStyleWord(style, e.instruction(), a)),
                new Check("length", "between " + range[0] + " and " + range[1] + " words, like 90% of the training responses",
                        (e, a) -> words(a).size() >= range[0] && words(a).size() <= range[1]));
    }

    /** The words many training responses use and their questions seldom do, the most used first. */
    public static List<String> styleWords(List<PersonaExample> training) {
        Map<String, Integer> inResponses = documentCounts(training.stream().map(PersonaExample::response).toList());
        Map<String, Integer> inQuestions = documentCounts(training.stream().map(PersonaExample::instruction).toList());
        List<String> out = new ArrayList<>();
        inResponses.forEach((word, n) -> {
            double ratio = (n + 1.0) / (inQuestions.getOrDefault(word, 0) + 1.0);
            if (n >= MIN_SHARE * training.size() && ratio >= MIN_RATIO && !EVERYDAY.contains(word)) {
                out.add(word);
            }
        });
        out.sort((a, b) -> inResponses.get(b) - inResponses.get(a) != 0 ? inResponses.get(b) - inResponses.get(a) : a.compareTo(b));
        return List.copyOf(out.subList(0, Math.min(MAX_STYLE_WORDS, out.size())));
    }

    /** The answer uses a style word that the question does not hold (one the visitor brought is no style). */
    static boolean usesStyleWord(List<String> style, String question, String answer) {
        Set<String> asked = new HashSet<>(words(question));
        return words(answer).stream().anyMatch(w -> style.contains(w) && !asked.contains(w));
    }

    /** The 5th and 95th percentile of the training responses' word counts. */
    static int[] lengthRange(List<PersonaExample> training) {
        int[] counts = training.stream().mapToInt(e -> words(e.response()).size()).sorted().toArray();
        if (counts.length == 0) {
            throw new IllegalArgumentException("no training examples to learn a style from");
        }
        return new int[] {counts[(int) (0.05 * (counts.length - 1))], counts[(int) Math.ceil(0.95 * (counts.length - 1))]};
    }

    /** Lower-case words (letters and apostrophes). */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT).replace('’', '\''));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** In how many texts each word occurs (once per text). */
    private static Map<String, Integer> documentCounts(List<String> texts) {
        Map<String, Integer> out = new HashMap<>();
        texts.forEach(t -> new HashSet<>(words(t)).forEach(w -> out.merge(w, 1, Integer::sum)));
        return out;
    }
}
