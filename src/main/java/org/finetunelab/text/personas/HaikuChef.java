package org.finetunelab.text.personas;

import org.finetunelab.text.pronunciation.LabWords;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Writes the haiku chef's data: a cooking question, answered by a haiku of three lines of 5, 7 and 5 syllables that
 * names what was asked about and gives a tip from {@link Kitchen}. The first line names the dish or technique; the
 * second and third carry the answer, padded to length with a few words ("Now", "my friend") where a tip is short.
 *
 * <p>Every line is counted with the lab's syllable table ({@link LabWords}), never with the dictionary, so the files
 * are the same on every machine; a line that does not scan is never written, and a word missing from the table stops
 * the generator with its name.
 *
 * <p>Held out: whole dishes and techniques that training never shows, and phrasings of the question that training
 * never uses. No held-out question occurs in training.
 */
public final class HaikuChef {
    public static final int TRAIN_EXAMPLES = 1800;
    public static final int TEST_EXAMPLES = 120;
    /** Of the held-out examples, this many ask about dishes and techniques that training never shows. */
    public static final int TEST_NEW_SUBJECTS = 60;
    static final int HELD_OUT_FOODS = 14;
    static final int HELD_OUT_TECHNIQUES = 4;
    static final int[] FORM = {5, 7, 5};

    /** A kind of question, with the phrasings training uses and those only the held-out split uses. */
    private record Ask(String kind, List<String> train, List<String> heldOut) {
    }

    private static final Ask HOW = new Ask("how", List.of("How do I cook {a}?", "What's the best way to cook {a}?",
            "Any tips for cooking {a}?", "How should I prepare {a}?", "Can you teach me to make {a}?",
            "I have never made {a}. Where do I start?", "What is the trick to {a}?"),
            List.of("Explain how to make {a}, please.", "I want {a} tonight. How do I make {it}?"));
    private static final Ask DONE = new Ask("done", List.of("How do I know when my {x} {is} done?", "When {is} the {x} ready?",
            "How can I tell if the {x} {is} cooked?", "How long do I cook {a}?", "What {does} the {x} look like when {it's} done?"),
            List.of("What tells me that my {x} {is} finished?", "Is there a sign that the {x} {is} ready?"));
    private static final Ask KEEP = new Ask("keep", List.of("How should I store leftover {x}?", "How do I keep {x} fresh?",
            "What is the best way to store {x}?", "Where should I keep {x}?"),
            List.of("Can I save leftover {x} for tomorrow?", "What should I do with leftover {x}?"));
    private static final Ask PAIR = new Ask("pair", List.of("What goes well with {x}?", "What should I serve with {x}?",
            "What can I eat with {x}?", "Suggest a side for {x}.", "What do you like with {x}?"),
            List.of("What would you pair with {x}?", "I'm making {a}. What should go with {it}?"));
    private static final Ask FIX = new Ask("fix", List.of("Why {is} my {x} {p}?", "My {x} {is} {p}. What went wrong?",
            "Help! My {x} {is} {p}.", "The {x} {is} {p} again. What am I doing wrong?"),
            List.of("What should I change if my {x} {is} {p}?", "My {x} always {ends} up {p}. Any advice?"));
    private static final Ask MEANING = new Ask("meaning", List.of("What does it mean to {t}?", "What is {ting}?",
            "Explain {ting} to me.", "What do recipes mean by {ting}?"),
            List.of("Can you describe {ting} in simple words?", "I keep reading '{t}' in recipes. What is it?"));
    private static final Ask WHY = new Ask("why", List.of("Why do recipes say to {t}?", "What is the point of {ting}?",
            "Why should I bother {ting}?"), List.of("What does {ting} do for the food?"));
    private static final Ask METHOD = new Ask("method", List.of("How do I {t} {f}?", "What is the best way to {t} {f}?",
            "Any tips for {ting} {f}?"), List.of("Teach me to {t} {f}.", "I need to {t} {f}. How?"));

    /** First lines: {x} is the dish or technique. */
    private static final List<String> OPENINGS = List.of("{x} in the pan", "{x} on the stove", "warm {x} tonight",
            "ah, {x} again", "{x} at first light", "{x} on the board", "the smell of {x}", "steam over {x}", "{x} at dusk",
            "fresh {x} waits", "{x}, gently", "{x}, my friend", "{x} on a cold night", "{x} by the window", "{x}", "for {x}, my friend", "{x}, slow and sure", "my {x} tonight", "{x} for supper",
            "kitchen {x}", "{x} in the rain", "{x} in the kitchen", "{x} for the table", "the smell of warm {x}",
            "{x} under the lid", "{x} at noon", "a dish of {x}");
    private static final List<String> KEEP_OPENINGS = List.of("leftover {x}", "{x} for later", "saving {x}",
            "{x} for tomorrow", "the rest of the {x}", "{x} saved for later", "keeping {x} well");
    private static final List<String> PAIR_OPENINGS = List.of("{x} needs a friend", "beside the {x}", "{x} and friends",
            "what to serve with {x}");
    private static final List<String> FIX_OPENINGS = List.of("{x} gone wrong", "poor {x}, alas", "sad {x} again",
            "oh, {x}, what now", "{x}, gone astray",
            "oh no, my poor {x}", "my {x} went wrong");
    private static final List<String> TECHNIQUE_OPENINGS = List.of("the art of {x}", "{x}, step by step", "{x}, my friend",
            "a word on {x}", "{x}, slow and sure", "{x} at first light", "{x} by the stove", "{x}, simply", "{x}");

    /** Third lines when the answer fits in the second. */
    private static final List<String> CLOSINGS = List.of("the kitchen grows warm", "and dinner is served", "a warm plate awaits",
            "steam curls like a cloud", "the spoon knows the way", "patience feeds us all", "good food takes its time",
            "taste, and taste again", "a bowl full of peace", "the table is set", "rain taps, the pot sings",
            "the whole house smells good", "spring light on the board", "the stove hums softly", "hunger waits outside",
            "the cat waits nearby", "and the plates shine bright", "a small feast for you", "snow falls, the pot sings");
    private static final List<String> FIX_CLOSINGS = List.of("next time it will sing", "and try it again", "tomorrow, better",
            "all cooks learn this way", "mistakes feed the wise");

    /** Frames around a sign of doneness, and around something to serve alongside ({it}: it or them). */
    private static final List<String> DONE_FRAMES = List.of("{}", "done when {}", "it's done when {}", "ready when {}",
            "{}: then it's done");
    private static final List<String> PAIR_FRAMES = List.of("serve {it} with {}", "try {it} with {}", "pair {it} with {}",
            "{} at {its} side", "{} beside {it}");
    private static final List<String> PAIR_FRAMES_SHORT = List.of("or {}, perhaps", "{} works too", "and {} as well",
            "or try {}", "{}", "or {}");

    /** Words that pad a short line, in front of it or behind it, by their syllables. */
    private static final Map<Integer, List<String>> BEFORE = Map.of(1, List.of("then", "now"),
            2, List.of("and then", "my friend,"), 3, List.of("remember,"));
    private static final Map<Integer, List<String>> AFTER = Map.of(1, List.of(", friend"), 2, List.of(", my friend",
            ", dear cook"), 3, List.of(", my dear friend"));
    private static final Map<Integer, List<String>> BEFORE_OPENING = Map.of(1, List.of("oh,", "ah,"), 2, List.of("and now,"));
    /** Before a sign of doneness, where "then" would read as an order. */
    private static final Map<Integer, List<String>> BEFORE_SIGN = Map.of(1, List.of("look:"), 2, List.of("my friend,"),
            3, List.of("remember,"));

    private final Random random;
    private final LabWords words = LabWords.load();

    private HaikuChef(long seed) {
        this.random = new Random(seed);
    }

    /** Makes both splits; the same seed gives the same data on every machine. */
    public static PersonaData.Splits generate(long seed) {
        return new HaikuChef(seed).splits();
    }

    // ------------------------------------------------------------------ questions

    /** One thing to ask about: its subject, the kind of question, the slots of the phrasing, and its haiku. */
    private record Item(String subject, Ask ask, Map<String, String> slots, List<String> accept, Supplier<String> haiku) {
        String question(String phrasing) {
            String q = phrasing;
            for (Map.Entry<String, String> slot : slots.entrySet()) {
                q = q.replace("{" + slot.getKey() + "}", slot.getValue());
            }
            return Character.toUpperCase(q.charAt(0)) + q.substring(1);
        }
    }

    private PersonaData.Splits splits() {
        List<Kitchen.Food> foods = new ArrayList<>(Kitchen.FOODS);
        List<Kitchen.Technique> techniques = new ArrayList<>(Kitchen.TECHNIQUES);
        Collections.shuffle(foods, random);
        Collections.shuffle(techniques, random);
        List<Item> seen = new ArrayList<>();
        List<Item> unseen = new ArrayList<>();
        for (int i = 0; i < foods.size(); i++) {
            (i < HELD_OUT_FOODS ? unseen : seen).addAll(items(foods.get(i)));
        }
        for (int i = 0; i < techniques.size(); i++) {
            (i < HELD_OUT_TECHNIQUES ? unseen : seen).addAll(items(techniques.get(i)));
        }
        Set<String> questions = new HashSet<>();
        List<PersonaExample> train = new ArrayList<>();
        PersonaData.askInRounds(seen, item -> item.ask().train(), random, train::size, TRAIN_EXAMPLES,
                (item, phrasing) -> add(item, phrasing, questions, train));
        List<PersonaExample> test = new ArrayList<>();
        Collections.shuffle(unseen, random);
        for (Item item : unseen) {
            if (test.size() < TEST_NEW_SUBJECTS) {
                List<String> all = new ArrayList<>(item.ask().train());
                all.addAll(item.ask().heldOut());
                add(item, pick(all), questions, test);
            }
        }
        Collections.shuffle(seen, random);
        for (Item item : seen) {
            if (test.size() < TEST_EXAMPLES) {
                add(item, pick(item.ask().heldOut()), questions, test);
            }
        }
        if (train.size() < TRAIN_EXAMPLES || test.size() < TEST_EXAMPLES) {
            throw new IllegalStateException("only " + train.size() + " training and " + test.size() + " held-out haiku");
        }
        return new PersonaData.Splits(train, test);
    }

    private void add(Item item, String phrasing, Set<String> questions, List<PersonaExample> out) {
        String question = item.question(phrasing);
        if (!questions.add(question)) {
            return;
        }
        String haiku = item.haiku().get();
        if (haiku == null) {
            throw new IllegalStateException("no haiku scans for: " + question + " (write a shorter tip in Kitchen)");
        }
        out.add(new PersonaExample(item.ask().kind(), question, haiku, item.accept(), List.of(), List.of()));
    }

    /** The questions about a dish: how to cook it, when it is done, how to keep it, what goes with it, what went wrong. */
    private List<Item> items(Kitchen.Food food) {
        boolean many = food.plural();
        Map<String, String> slots = Map.of("x", food.name(), "a", food.asked(), "is", many ? "are" : "is",
                "it", many ? "them" : "it", "it's", many ? "they're" : "it's", "does", many ? "do" : "does",
                "ends", many ? "end" : "ends");
        String x = food.name();
        List<Item> out = new ArrayList<>();
        out.add(new Item(x, HOW, slots, food.accept(),
                () -> haiku(opening(OPENINGS, x), food.how(), food.how(), List.of("{}"), CLOSINGS)));
        out.add(new Item(x, DONE, slots, food.accept(),
                () -> haiku(opening(OPENINGS, x), food.done(), food.done(), DONE_FRAMES, CLOSINGS)));
        if (!food.keep().isEmpty()) {
            out.add(new Item(x, KEEP, slots, food.accept(),
                    () -> haiku(opening(KEEP_OPENINGS, x), food.keep(), List.of(), List.of("{}"), CLOSINGS)));
        }
        out.add(new Item(x, PAIR, slots, food.accept(), () -> pairHaiku(food)));
        for (String[] fix : food.fixes()) {
            Map<String, String> withProblem = new HashMap<>(slots);
            withProblem.put("p", fix[0]);
            out.add(new Item(x, FIX, withProblem, food.accept(),
                    () -> haiku(opening(FIX_OPENINGS, x), List.of(fix[1]), List.of(), List.of("{}"), FIX_CLOSINGS)));
        }
        return out;
    }

    /** The questions about a technique: what it means, why recipes ask for it, how to do it to a food. */
    private List<Item> items(Kitchen.Technique t) {
        Map<String, String> slots = Map.of("t", t.verb(), "ting", t.gerund());
        List<Item> out = new ArrayList<>();
        out.add(new Item(t.verb(), MEANING, slots, t.accept(),
                () -> haiku(opening(TECHNIQUE_OPENINGS, t.gerund()), t.how(), t.why(), List.of("{}"), CLOSINGS)));
        out.add(new Item(t.verb(), WHY, slots, t.accept(),
                () -> haiku(opening(TECHNIQUE_OPENINGS, t.gerund()), t.why(), t.how(), List.of("{}"), CLOSINGS)));
        for (String food : t.foods()) {
            Map<String, String> withFood = Map.of("t", t.verb(), "ting", t.gerund(), "f", food);
            out.add(new Item(t.verb(), METHOD, withFood, t.accept(),
                    () -> haiku(methodOpening(t, food), t.how(), t.why(), List.of("{}"), CLOSINGS)));
        }
        return out;
    }

    // ------------------------------------------------------------------ haiku

    /**
     * A haiku: the {@code first} line (which names the subject); then a line of 7 from {@code main}, and a line of 5
     * from the rest of {@code main} or from {@code more}, or (one time in four, or when none fits) a closing image.
     * Null when nothing scans.
     */
    private String haiku(String first, List<String> main, List<String> more, List<String> frames, List<String> closings) {
        Map<Integer, List<String>> before = frames == DONE_FRAMES ? BEFORE_SIGN : BEFORE;
        List<String> seconds = new ArrayList<>();
        for (String phrase : main) {
            seconds.addAll(fits(frames, phrase, FORM[1], before));
        }
        if (first == null || seconds.isEmpty()) {
            return null;
        }
        String second = pick(seconds);
        List<String> thirds = new ArrayList<>();
        for (String phrase : concat(main, more)) {
            if (!second.contains(phrase)) {
                thirds.addAll(fits(frames, phrase, FORM[2], before));
            }
        }
        String third = thirds.isEmpty() || random.nextInt(4) == 0 ? pick(closings) : pick(thirds);
        return lines(first, second, third);
    }

    /** What to serve with a dish: one thing on the second line, perhaps another on the third. */
    private String pairHaiku(Kitchen.Food food) {
        String first = opening(concat(PAIR_OPENINGS, OPENINGS), food.name());
        List<String> pronoun = food.plural() ? List.of("them", "their") : List.of("it", "its");
        List<String> frames = PAIR_FRAMES.stream().map(f -> f.replace("{it}", pronoun.get(0)).replace("{its}", pronoun.get(1)))
                .toList();
        List<String> seconds = new ArrayList<>();
        for (String side : food.with()) {
            seconds.addAll(fits(frames, side, FORM[1], BEFORE));
        }
        if (first == null || seconds.isEmpty()) {
            return null;
        }
        String second = pick(seconds);
        List<String> thirds = new ArrayList<>();
        for (String side : food.with()) {
            if (!second.contains(side)) {
                thirds.addAll(fits(PAIR_FRAMES_SHORT, side, FORM[2], BEFORE));
            }
        }
        return lines(first, second, thirds.isEmpty() ? pick(CLOSINGS) : pick(thirds));
    }

    /** "Blanching green beans" where it fits in five syllables, else an opening about the technique alone. */
    private String methodOpening(Kitchen.Technique t, String food) {
        String withFood = opening(List.of("{x} " + food), t.gerund());
        return withFood != null ? withFood : opening(TECHNIQUE_OPENINGS, t.gerund());
    }

    /** An opening line of five syllables naming the subject, from {@code openings} or else the general ones. */
    private String opening(List<String> openings, String subject) {
        List<String> fitting = new ArrayList<>();
        for (String o : openings) {
            fitting.addAll(fits(List.of("{}"), o.replace("{x}", subject), FORM[0], BEFORE_OPENING));
        }
        if (fitting.isEmpty() && openings != OPENINGS) {
            return opening(OPENINGS, subject);
        }
        return fitting.isEmpty() ? null : pick(fitting);
    }

    /**
     * Every way to put {@code phrase} in one of the {@code frames} so that the line has {@code target} syllables, padded
     * where it is short by a word in front ({@code before}) or behind, or both when one is not enough. A line that
     * needs padding is listed once, one that needs none four times: the pick prefers lines that say more.
     */
    private List<String> fits(List<String> frames, String phrase, int target, Map<Integer, List<String>> before) {
        List<String> out = new ArrayList<>();
        for (String frame : frames) {
            String line = frame.replace("{}", phrase);
            int missing = target - words.lineSyllables(line);
            if (missing == 0) {
                out.addAll(Collections.nCopies(4, line));
            }
            if (missing <= 0) {
                continue;
            }
            before.getOrDefault(missing, List.of()).forEach(b -> out.add(b + " " + line));
            AFTER.getOrDefault(missing, List.of()).forEach(a -> out.add(line + a));
            if (out.isEmpty()) {
                for (int front = 1; front < missing; front++) {
                    for (String b : before.getOrDefault(front, List.of())) {
                        for (String a : AFTER.getOrDefault(missing - front, List.of())) {
                            if (!(b.contains("friend") && a.contains("friend"))) {
                                out.add(b + " " + line + a);
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The three lines, each capitalised, checked once more against 5-7-5. */
    private String lines(String first, String second, String third) {
        List<String> lines = List.of(first, second, third);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            String line = lines.get(i);
            if (words.lineSyllables(line) != FORM[i]) {
                throw new IllegalStateException("a line that does not scan: " + line);
            }
            out.append(i == 0 ? "" : "\n").append(Character.toUpperCase(line.charAt(0))).append(line.substring(1));
        }
        return out.toString();
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
