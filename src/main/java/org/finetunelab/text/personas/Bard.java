package org.finetunelab.text.personas;

import org.finetunelab.text.pronunciation.Pronunciation;
import org.finetunelab.text.pronunciation.SpellingRules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Writes the medieval bard's data: an everyday question, answered in archaic English (thee, thou, thy, -eth and -est)
 * with advice and a metaphor from {@link BardLines}, and most often a rhyming couplet at the end.
 *
 * <p>Every couplet must rhyme by the spelling rule ({@link SpellingRules#rhyme}), which needs no dictionary, so the
 * files are the same on every machine; a test checks the same couplets with the CMU dictionary.
 *
 * <p>Held out: things asked about that training never shows (an instrument, a pet, a trip), and phrasings of the
 * question that training never uses. No held-out question occurs in training.
 */
public final class Bard {
    public static final int TRAIN_EXAMPLES = 560;
    public static final int TEST_EXAMPLES = 112;
    /** Of the held-out examples, this many ask about things that training never shows. */
    public static final int TEST_NEW_THINGS = 56;
    /** Things of each topic held out. */
    static final int HELD_OUT_THINGS = 3;
    /** Answers that end with a couplet, out of 5. */
    static final int COUPLETS_OUT_OF_FIVE = 4;

    /** Words a bard starts one answer in three with. */
    private static final List<String> OPENERS = List.of("Verily, ", "Prithee, ", "Hark, good friend, ", "Ah, gentle soul, ",
            "Forsooth, ", "Good friend, ");

    private final Random random;

    private Bard(long seed) {
        this.random = new Random(seed);
    }

    /** Makes both splits; the same seed gives the same data on every machine. */
    public static PersonaData.Splits generate(long seed) {
        return new Bard(seed).splits();
    }

    /** A topic, and the thing a question is about (null when the topic has none). */
    private record Item(BardLines.Topic topic, String thing) {
        String fill(String text) {
            if (thing == null) {
                return text;
            }
            boolean plural = thing.endsWith("+");
            String x = plural ? thing.substring(0, thing.length() - 1) : thing;
            return text.replace("{x}", x).replace("{is}", plural ? "are" : "is").replace("{it}", plural ? "them" : "it")
                    .replace("{do}", plural ? "do" : "does");
        }

        String question(String phrasing) {
            String q = fill(phrasing);
            return Character.toUpperCase(q.charAt(0)) + q.substring(1);
        }
    }

    private PersonaData.Splits splits() {
        List<Item> seen = new ArrayList<>();
        List<Item> unseen = new ArrayList<>();
        for (BardLines.Topic topic : BardLines.TOPICS) {
            if (topic.things().isEmpty()) {
                seen.add(new Item(topic, null));
                continue;
            }
            List<String> things = new ArrayList<>(topic.things());
            Collections.shuffle(things, random);
            for (int i = 0; i < things.size(); i++) {
                (i < HELD_OUT_THINGS ? unseen : seen).add(new Item(topic, things.get(i)));
            }
        }
        Set<String> questions = new HashSet<>();
        List<PersonaExample> train = new ArrayList<>();
        PersonaData.askInRounds(seen, item -> item.topic().questions(), random, train::size, TRAIN_EXAMPLES,
                (item, phrasing) -> add(item, phrasing, questions, train));
        List<PersonaExample> test = new ArrayList<>();
        for (int round = 0; test.size() < TEST_NEW_THINGS && round < 10; round++) {
            Collections.shuffle(unseen, random);
            for (Item item : unseen) {
                if (test.size() < TEST_NEW_THINGS) {
                    List<String> all = new ArrayList<>(item.topic().questions());
                    all.addAll(item.topic().heldOut());
                    add(item, pick(all), questions, test);
                }
            }
        }
        for (int round = 0; test.size() < TEST_EXAMPLES && round < 10; round++) {
            Collections.shuffle(seen, random);
            for (Item item : seen) {
                if (test.size() < TEST_EXAMPLES) {
                    add(item, pick(item.topic().heldOut()), questions, test);
                }
            }
        }
        if (train.size() < TRAIN_EXAMPLES || test.size() < TEST_EXAMPLES) {
            throw new IllegalStateException("only " + train.size() + " training and " + test.size()
                    + " held-out answers");
        }
        return new PersonaData.Splits(train, test);
    }

    private void add(Item item, String phrasing, Set<String> questions, List<PersonaExample> out) {
        String question = item.question(phrasing);
        if (questions.add(question)) {
            out.add(new PersonaExample(item.topic().id(), question, answer(item), List.of(), List.of(), List.of()));
        }
    }

    /**
     * Advice (one time in three after an opener) and a metaphor, then four times in five a couplet: two times in three
     * the topic's own, else one that suits any question.
     */
    private String answer(Item item) {
        String advice = item.fill(pick(item.topic().advice()));
        if (random.nextInt(3) == 0) {
            advice = pick(OPENERS) + Character.toLowerCase(advice.charAt(0)) + advice.substring(1);
        }
        String answer = advice + " " + item.fill(pick(item.topic().metaphors()));
        if (random.nextInt(5) < COUPLETS_OUT_OF_FIVE) {
            List<String> couplets = random.nextInt(3) < 2 ? item.topic().couplets() : BardLines.ANY_COUPLETS;
            answer += "\n" + rhymed(item.fill(pick(couplets)));
        }
        return answer;
    }

    /** The couplet as two lines, refused unless their last words rhyme by spelling. */
    static String rhymed(String couplet) {
        String[] lines = couplet.split(" / ");
        String a = lines.length == 2 ? lastWord(lines[0]) : "";
        String b = lines.length == 2 ? lastWord(lines[1]) : "";
        if (a.isEmpty() || a.equals(b) || !SpellingRules.rhyme(a).equals(SpellingRules.rhyme(b))) {
            throw new IllegalStateException("not a rhyming couplet by spelling: " + couplet);
        }
        return lines[0] + "\n" + lines[1];
    }

    static String lastWord(String line) {
        List<String> words = Pronunciation.words(line);
        return words.isEmpty() ? "" : words.get(words.size() - 1).toLowerCase(Locale.ROOT);
    }

    private String pick(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }
}
