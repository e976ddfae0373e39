package org.finetunelab.eval.personas;

import org.finetunelab.text.personas.PersonaExample;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The museum guide's checks. Fact: the answer names one of the example's accepted answers and none of its wrong ones.
 * Joke: the answer has the phrasing of a joke ("I'd tell you a joke", "you could say", "talk about") or one of the
 * exhibit's pun words that neither the question nor the accepted answer already holds: a pun the visitor brought or
 * the fact itself needs is no joke.
 */
public final class GuideChecks {
    /** How dad jokes announce themselves. */
    static final List<Pattern> JOKE_PHRASES = List.of("\\bjokes?\\b", "\\bpuns?\\b", "get it\\?", "you (could|might) say",
            "that'?s what i call", "\\btalk about\\b", "\\bi'?d tell you\\b", "what do you call", "why did the",
            "knock,? knock", "\\bha(ha)+\\b", "\\bliterally\\b").stream().map(Pattern::compile).toList();

    private GuideChecks() {
    }

    /** Names an accepted answer (whole words, any case) and no wrong one. */
    public static boolean factCorrect(PersonaExample example, String answer) {
        return example.accept().stream().anyMatch(a -> has(answer, a)) && example.reject().stream().noneMatch(r -> has(answer, r));
    }

    /** A joke's phrasing, or a pun word of the exhibit that the question and the accepted answer do not hold. */
    public static boolean hasJoke(PersonaExample example, String answer) {
        String a = answer.toLowerCase(Locale.ROOT).replace('’', '\'');
        if (JOKE_PHRASES.stream().anyMatch(p -> p.matcher(a).find())) {
            return true;
        }
        String plain = example.instruction() + " " + String.join(" ", example.accept());
        return example.puns().stream().anyMatch(p -> has(answer, p) && !has(plain, p));
    }

    static boolean has(String text, String phrase) {
        return Pattern.compile("(^|[^\\p{L}\\p{N}])" + Pattern.quote(phrase.toLowerCase(Locale.ROOT)) + "($|[^\\p{L}\\p{N}])")
                .matcher(text.toLowerCase(Locale.ROOT).replace('’', '\'')).find();
    }
}
