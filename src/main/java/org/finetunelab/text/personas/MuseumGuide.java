package org.finetunelab.text.personas;

import org.finetunelab.text.corpus.Fact;
import org.finetunelab.text.instructions.InstructionData;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes the museum guide's data: a visitor's question about an exhibit, answered with the right fact and then a pun
 * or a dad joke. Two kinds of exhibit: the hand-written ones of {@link Exhibits} (the Rosetta Stone, a T. rex), and the
 * lab's knowledge facts shown in halls by topic, whose jokes are the hall's.
 *
 * <p>Held out: half of the held-out questions ask about the hand-written exhibits in phrasings training never uses;
 * the other half ask about knowledge facts that training never shows. The base model learnt those facts in
 * pretraining, so a tuned guide can answer them only by keeping that knowledge and adding its style.
 */
public final class MuseumGuide {
    public static final int TRAIN_EXAMPLES = 900;
    public static final int TEST_EXAMPLES = 120;
    /** Of the held-out examples, this many ask about knowledge facts that training never shows. */
    public static final int TEST_NEW_FACTS = 60;
    /** Questions per exhibit fact in training. */
    static final int TRAIN_PER_EXHIBIT_FACT = 8;

    /** Ways a visitor starts a question: in training, and only in the held-out split. */
    private static final List<String> OPENERS = List.of("", "Excuse me, ", "Quick question: ", "I'm curious. ", "Hi! ");
    private static final List<String> HELD_OUT_OPENERS = List.of("Hello there! ", "Sorry to bother you, but ");
    /** How a knowledge fact's question names its hall. */
    private static final List<String> HALL_FRAMES = List.of("In {hall}: {q}", "We're in {hall}. {q}",
            "A question about a display in {hall}: {q}", "{q}", "I'm looking at a sign in {hall}. {q}");
    private static final List<String> GAP_FRAMES = List.of("The card in {hall} reads '{gap}' What is the missing word?",
            "A sign in {hall} says '{gap}' What goes in the gap?", "In {hall} a word is missing from a label: '{gap}' Which word?");

    private final Random random;

    private MuseumGuide(long seed) {
        this.random = new Random(seed);
    }

    /** Makes both splits from the knowledge facts; the same facts and seed give the same data. */
    public static PersonaData.Splits generate(List<Fact> facts, long seed) {
        return new MuseumGuide(seed).splits(facts);
    }

    private PersonaData.Splits splits(List<Fact> facts) {
        Set<String> questions = new HashSet<>();
        List<PersonaExample> train = new ArrayList<>();
        List<PersonaExample> heldOutExhibits = new ArrayList<>();
        for (Exhibits.Exhibit exhibit : Exhibits.EXHIBITS) {
            for (Exhibits.Fact fact : exhibit.facts()) {
                List<String> asked = new ArrayList<>();
                for (String q : fact.questions()) {
                    for (String opener : OPENERS) {
                        asked.add(opened(opener, q));
                    }
                }
                Collections.shuffle(asked, random);
                for (String q : asked.subList(0, TRAIN_PER_EXHIBIT_FACT)) {
                    add(exhibit.id(), q, fact, exhibit, questions, train);
                }
                // Held out: a phrasing training never uses, or a training phrasing with an opener it never uses.
                String q = random.nextBoolean() ? opened(pick(concat(OPENERS, HELD_OUT_OPENERS)), pick(fact.heldOut()))
                        : opened(pick(HELD_OUT_OPENERS), pick(fact.questions()));
                add(exhibit.id(), q, fact, exhibit, questions, heldOutExhibits);
            }
        }
        Collections.shuffle(heldOutExhibits, random);
        List<PersonaExample> test = new ArrayList<>(heldOutExhibits.subList(0, TEST_EXAMPLES - TEST_NEW_FACTS));

        List<Fact> shuffled = new ArrayList<>(facts);
        Collections.shuffle(shuffled, random);
        for (Fact fact : shuffled) {
            List<PersonaExample> into = test.size() < TEST_EXAMPLES ? test : train;
            if (into == train && train.size() >= TRAIN_EXAMPLES) {
                break;
            }
            into.add(knowledge(fact, questions));
        }
        Collections.shuffle(train, random);
        Collections.shuffle(test, random);
        if (train.size() < TRAIN_EXAMPLES || test.size() < TEST_EXAMPLES) {
            throw new IllegalStateException("only " + train.size() + " training and " + test.size() + " held-out answers");
        }
        return new PersonaData.Splits(train, test);
    }

    private void add(String topic, String question, Exhibits.Fact fact, Exhibits.Exhibit exhibit, Set<String> questions,
                     List<PersonaExample> out) {
        if (questions.add(question)) {
            String joke = pick(usable(exhibit.jokes(), exhibit.puns(), question + " " + fact.answer(), fact.reject()));
            out.add(new PersonaExample(topic, question, fact.answer() + " " + joke, fact.accept(), fact.reject(),
                    without(exhibit.puns(), question + " " + fact.answer())));
        }
    }

    /** A knowledge fact as a display in its topic's hall: asked as a question where the fact allows, else as a gap. */
    private PersonaExample knowledge(Fact fact, Set<String> questions) {
        String hall = Exhibits.HALLS.get(fact.topic());
        String q = InstructionData.question(fact);
        String question = q != null ? pick(HALL_FRAMES).replace("{hall}", hall).replace("{q}", q)
                : pick(GAP_FRAMES).replace("{hall}", hall).replace("{gap}", fact.prompt() + " ___.");
        question = Character.toUpperCase(question.charAt(0)) + question.substring(1);
        if (!questions.add(question)) {
            throw new IllegalStateException("two knowledge facts give the same question: " + question);
        }
        List<String> puns = Exhibits.HALL_PUNS.get(fact.topic());
        List<String> reject = fact.distractors().stream().map(String::strip).toList();
        String joke = pick(usable(Exhibits.HALL_JOKES.get(fact.topic()), puns, question + " " + fact.text(), reject));
        return new PersonaExample("hall:" + fact.topic(), question, fact.text() + " " + joke, List.of(fact.answer().strip()),
                reject, without(puns, question + " " + fact.text()));
    }

    /**
     * The jokes none of whose pun words is already in the question or the fact (there it would be no joke), and that
     * name no wrong answer ("I know that by heart" after a fact whose wrong answers include the heart).
     */
    private static List<String> usable(List<String> jokes, List<String> puns, String plain, List<String> wrong) {
        List<String> taken = puns.stream().filter(p -> contains(plain, p)).toList();
        List<String> out = jokes.stream().filter(j -> taken.stream().noneMatch(p -> contains(j, p))
                && wrong.stream().noneMatch(w -> namesWord(j, w))).toList();
        if (out.isEmpty()) {
            throw new IllegalStateException("every joke repeats a word of: " + plain);
        }
        return out;
    }

    private static List<String> without(List<String> puns, String plain) {
        return puns.stream().filter(p -> !contains(plain, p)).toList();
    }

    private static boolean namesWord(String text, String word) {
        return Pattern.compile("\\b" + Pattern.quote(word.toLowerCase(Locale.ROOT)) + "\\b")
                .matcher(text.toLowerCase(Locale.ROOT)).find();
    }

    private static boolean contains(String text, String phrase) {
        return text.toLowerCase(Locale.ROOT).contains(phrase.toLowerCase(Locale.ROOT));
    }

    private static String opened(String opener, String question) {
        if (opener.isEmpty() || opener.endsWith(". ") || opener.endsWith("! ")) {
            return opener + question;
        }
        return opener + Character.toLowerCase(question.charAt(0)) + question.substring(1);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private String pick(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }
}
