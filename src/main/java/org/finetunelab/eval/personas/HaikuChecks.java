package org.finetunelab.eval.personas;

import org.finetunelab.text.personas.PersonaExample;
import org.finetunelab.text.pronunciation.Pronunciation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The haiku chef's checks. Form: exactly three lines of 5, 7 and 5 syllables, counted by {@link Pronunciation}.
 * Topic: the haiku names what was asked about (the example's {@code accept} words, or else the cooking words of the
 * question), or, for a question that names nothing from the kitchen, any cooking word at all.
 */
public final class HaikuChecks {
    /** Syllables per line. */
    public static final List<Integer> FORM = List.of(5, 7, 5);

    /** Food and kitchen words: for questions without an accept list, and for haiku about no named dish. */
    static final List<String> COOKING_WORDS = List.of("almond", "apple", "apricot", "asparagus", "aubergine", "avocado",
            "bacon", "bagel", "bake", "baking", "banana", "barley", "basil", "batter", "bean", "beef", "beet", "berry",
            "biscuit", "blanch", "blend", "boil", "bowl", "braise", "bread", "breakfast", "brine", "broccoli", "broth",
            "brownie", "brunch", "burger", "butter", "cabbage", "cake", "caramel", "carrot", "cauliflower", "celery",
            "cheese", "cherry", "chicken", "chickpea", "chili", "chive", "chocolate", "chop", "cinnamon", "coconut", "cod",
            "coffee", "cookie", "cook", "cooking", "corn", "couscous", "crab", "cream", "crepe", "crust", "cucumber", "cumin",
            "cupcake", "curry", "custard", "dessert", "dinner", "dish", "dough", "dressing", "duck", "dumpling", "egg",
            "eggplant", "fennel", "feta", "fig", "fillet", "fish", "flour", "fry", "fried", "garlic", "ginger", "granola",
            "grape", "gravy", "grill", "guacamole", "ham", "herb", "honey", "hummus", "jam", "juice", "kale", "kettle",
            "kitchen", "knead", "knife", "lamb", "lasagna", "leek", "lemon", "lentil", "lettuce", "lime", "lunch", "mango",
            "marinade", "marinate", "mash", "meal", "meat", "meatball", "melon", "meringue", "milk", "mint", "muffin",
            "mushroom", "mussel", "mustard", "noodle", "nut", "oat", "oil", "olive", "omelette", "omelet", "onion", "orange",
            "oven", "paella", "pan", "pancake", "paprika", "pasta", "pastry", "peach", "pear", "pea", "pepper", "pesto",
            "pickle", "pie", "pizza", "plate", "plum", "poach", "polenta", "pork", "porridge", "pot", "potato", "prawn",
            "pudding", "pumpkin", "quinoa", "radish", "recipe", "rice", "risotto", "roast", "salad", "salmon", "salsa",
            "salt", "sandwich", "sauce", "sausage", "saute", "scallop", "scone", "sear", "seasoning", "shrimp", "simmer",
            "skillet", "smoothie", "soup", "soy", "spice", "spinach", "spoon", "squash", "steak", "steam", "stew", "stir",
            "stock", "stove", "strawberry", "sugar", "supper", "taco", "tart", "tea", "thyme", "toast", "tofu", "tomato",
            "tuna", "turkey", "vanilla", "vegetable", "vinegar", "waffle", "walnut", "whisk", "wok", "yeast", "yogurt",
            "yolk", "zest", "zucchini");

    private HaikuChecks() {
    }

    /** The non-blank lines of an answer, stripped. */
    public static List<String> lines(String answer) {
        List<String> out = new ArrayList<>();
        for (String line : answer.split("\\R")) {
            if (!line.isBlank()) {
                out.add(line.strip());
            }
        }
        return out;
    }

    /** Syllables of each non-blank line. */
    public static List<Integer> syllables(String answer, Pronunciation pronunciation) {
        return lines(answer).stream().map(pronunciation::lineSyllables).toList();
    }

    /** Exactly three lines of 5, 7 and 5 syllables. */
    public static boolean hasForm(String answer, Pronunciation pronunciation) {
        return syllables(answer, pronunciation).equals(FORM);
    }

    /** Kitchen words too general to be what a question is about ("How do I cook rice?" is about rice). */
    static final List<String> GENERAL_WORDS = List.of("bowl", "breakfast", "brunch", "cook", "cooking", "dinner", "dish",
            "kitchen", "knife", "lunch", "meal", "oven", "pan", "plate", "pot", "recipe", "spoon", "stove", "supper");

    /** Names the example's subject, or a cooking word of its question, or (when there is none) any cooking word. */
    public static boolean onTopic(PersonaExample example, String answer) {
        List<String> subjects = example.accept().isEmpty() ? subjects(example.instruction()) : example.accept();
        return subjects.isEmpty() ? !cookingWords(answer).isEmpty() : subjects.stream().anyMatch(s -> names(answer, s));
    }

    /** What a question is about: its cooking words, without the general ones. */
    public static List<String> subjects(String question) {
        return cookingWords(question).stream().filter(w -> !GENERAL_WORDS.contains(w)).toList();
    }

    /** The cooking words a text names (singular or plural, any case). */
    public static List<String> cookingWords(String text) {
        return COOKING_WORDS.stream().filter(w -> names(text, w)).toList();
    }

    /** Whether {@code text} has {@code term} as a whole word or phrase, or its plural (bean, beans; berry, berries). */
    static boolean names(String text, String term) {
        String t = term.toLowerCase(Locale.ROOT);
        String stem = t.endsWith("y") ? t.substring(0, t.length() - 1) + "(y|ies)" : Pattern.quote(t) + "(s|es)?";
        return Pattern.compile("(^|[^\\p{L}])" + stem + "($|[^\\p{L}])").matcher(text.toLowerCase(Locale.ROOT)).find();
    }
}
