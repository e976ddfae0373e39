package org.finetunelab.text.instructions;

import java.util.List;
import java.util.Map;

/** Hand-written word lists for the instruction tasks: everyday words a small model has met in its corpus. */
final class WordLists {
    private WordLists() {
    }

    /** Nouns and their plurals, regular and irregular, each checked by hand. */
    static final List<String[]> PLURALS = List.of(
            p("cat", "cats"), p("dog", "dogs"), p("house", "houses"), p("tree", "trees"), p("book", "books"),
            p("car", "cars"), p("bird", "birds"), p("cup", "cups"), p("door", "doors"), p("road", "roads"),
            p("river", "rivers"), p("hill", "hills"), p("stone", "stones"), p("apple", "apples"), p("pen", "pens"),
            p("table", "tables"), p("chair", "chairs"), p("horse", "horses"), p("flower", "flowers"), p("star", "stars"),
            p("ship", "ships"), p("king", "kings"), p("girl", "girls"), p("boy", "boys"), p("key", "keys"),
            p("day", "days"), p("toy", "toys"), p("hand", "hands"), p("song", "songs"), p("bell", "bells"),
            p("box", "boxes"), p("fox", "foxes"), p("bus", "buses"), p("glass", "glasses"), p("dish", "dishes"),
            p("brush", "brushes"), p("church", "churches"), p("bench", "benches"), p("watch", "watches"),
            p("match", "matches"), p("wish", "wishes"), p("kiss", "kisses"), p("class", "classes"), p("tax", "taxes"),
            p("city", "cities"), p("baby", "babies"), p("lady", "ladies"), p("story", "stories"), p("party", "parties"),
            p("berry", "berries"), p("cherry", "cherries"), p("fly", "flies"), p("country", "countries"),
            p("family", "families"), p("penny", "pennies"), p("puppy", "puppies"),
            p("leaf", "leaves"), p("knife", "knives"), p("wolf", "wolves"), p("wife", "wives"), p("life", "lives"),
            p("half", "halves"), p("shelf", "shelves"), p("loaf", "loaves"), p("thief", "thieves"), p("calf", "calves"),
            p("potato", "potatoes"), p("tomato", "tomatoes"), p("hero", "heroes"), p("echo", "echoes"),
            p("mouse", "mice"), p("child", "children"), p("foot", "feet"), p("tooth", "teeth"), p("goose", "geese"),
            p("man", "men"), p("woman", "women"), p("person", "people"), p("ox", "oxen"), p("louse", "lice"),
            p("sheep", "sheep"), p("deer", "deer"), p("fish", "fish"), p("moose", "moose"),
            p("cactus", "cacti"), p("fungus", "fungi"), p("crisis", "crises"), p("analysis", "analyses"),
            p("basis", "bases"), p("thesis", "theses"), p("datum", "data"), p("medium", "media"),
            p("garden", "gardens"), p("window", "windows"), p("lamp", "lamps"), p("coat", "coats"), p("boat", "boats"),
            p("cloud", "clouds"), p("field", "fields"), p("farm", "farms"), p("bridge", "bridges"), p("tower", "towers"),
            p("candle", "candles"), p("basket", "baskets"), p("pillow", "pillows"), p("ladder", "ladders"),
            p("monkey", "monkeys"), p("valley", "valleys"), p("bush", "bushes"), p("peach", "peaches"),
            p("lunch", "lunches"), p("address", "addresses"), p("army", "armies"), p("enemy", "enemies"),
            p("hobby", "hobbies"), p("duty", "duties"), p("scarf", "scarves"), p("elf", "elves"));

    private static String[] p(String singular, String plural) {
        return new String[]{singular, plural};
    }

    /** Adjectives and their opposites; every word after the first is accepted. */
    static final List<String[]> ANTONYMS = List.of(
            a("hot", "cold"), a("cold", "hot"), a("big", "small", "little"), a("small", "big", "large"),
            a("large", "small", "little"), a("tall", "short"), a("long", "short"), a("short", "long", "tall"),
            a("high", "low"), a("low", "high"), a("fast", "slow"), a("slow", "fast", "quick"), a("quick", "slow"),
            a("happy", "sad", "unhappy"), a("sad", "happy", "glad"), a("good", "bad", "evil"), a("bad", "good"),
            a("old", "new", "young"), a("new", "old"), a("young", "old"), a("rich", "poor"), a("poor", "rich"),
            a("hard", "soft", "easy"), a("soft", "hard"), a("easy", "hard", "difficult"), a("difficult", "easy"),
            a("light", "dark", "heavy"), a("dark", "light", "bright"), a("heavy", "light"), a("bright", "dark", "dim"),
            a("wet", "dry"), a("dry", "wet"), a("full", "empty"), a("empty", "full"), a("open", "closed", "shut"),
            a("closed", "open"), a("clean", "dirty"), a("dirty", "clean"), a("strong", "weak"), a("weak", "strong"),
            a("thick", "thin"), a("thin", "thick", "fat"), a("wide", "narrow"), a("narrow", "wide", "broad"),
            a("deep", "shallow"), a("shallow", "deep"), a("early", "late"), a("late", "early"), a("first", "last"),
            a("last", "first"), a("right", "wrong", "left"), a("wrong", "right", "correct"), a("true", "false"),
            a("false", "true"), a("alive", "dead"), a("dead", "alive", "living"), a("loud", "quiet", "soft"),
            a("quiet", "loud", "noisy"), a("noisy", "quiet", "silent"), a("sweet", "sour", "bitter"),
            a("bitter", "sweet"), a("safe", "dangerous", "unsafe"), a("dangerous", "safe"), a("cheap", "expensive", "dear"),
            a("expensive", "cheap"), a("friendly", "unfriendly", "hostile"), a("kind", "cruel", "unkind"),
            a("cruel", "kind"), a("brave", "cowardly"), a("polite", "rude", "impolite"), a("rude", "polite"),
            a("near", "far", "distant"), a("far", "near", "close"), a("inside", "outside"), a("outside", "inside"),
            a("upper", "lower"), a("lower", "upper", "higher"), a("public", "private"), a("private", "public"),
            a("simple", "complex", "complicated"), a("complex", "simple"), a("smooth", "rough"), a("rough", "smooth"),
            a("sharp", "blunt", "dull"), a("dull", "sharp", "bright", "interesting"), a("warm", "cool", "cold"),
            a("cool", "warm"), a("awake", "asleep"), a("asleep", "awake"), a("healthy", "sick", "ill", "unhealthy"),
            a("sick", "healthy", "well"), a("busy", "idle", "free"), a("active", "passive", "inactive"),
            a("ancient", "modern"), a("modern", "ancient", "old"), a("present", "absent"), a("absent", "present"),
            a("possible", "impossible"), a("visible", "invisible"), a("legal", "illegal"), a("honest", "dishonest"),
            a("patient", "impatient"), a("equal", "unequal"), a("fair", "unfair"), a("lucky", "unlucky"),
            a("tidy", "untidy", "messy"), a("messy", "tidy", "neat"), a("wild", "tame"), a("tame", "wild"),
            a("male", "female"), a("female", "male"), a("northern", "southern"), a("eastern", "western"),
            a("western", "eastern"), a("southern", "northern"), a("major", "minor"), a("minor", "major"),
            a("maximum", "minimum"), a("minimum", "maximum"), a("positive", "negative"), a("negative", "positive"),
            a("guilty", "innocent"), a("innocent", "guilty"), a("generous", "mean", "selfish"), a("fresh", "stale"),
            a("raw", "cooked"), a("single", "married"), a("solid", "liquid"), a("liquid", "solid"), a("calm", "stormy"));

    private static String[] a(String... words) {
        return words;
    }

    /** Words of many kinds from which the sentence tasks (count, first, last, sort) draw. */
    static final List<String> SENTENCE_WORDS = List.of(
            "the", "a", "green", "red", "small", "old", "happy", "quiet", "bright", "cold", "warm", "tall", "young",
            "apples", "birds", "children", "rivers", "stars", "boats", "horses", "trees", "clouds", "bells", "farmers",
            "fall", "sing", "run", "shine", "grow", "sleep", "swim", "dance", "wait", "rest", "walk", "float", "ring",
            "softly", "slowly", "today", "here", "again", "always", "often", "outside", "together", "tonight",
            "near", "under", "over", "beside", "behind", "garden", "hill", "sea", "town", "market", "bridge", "forest",
            "sun", "moon", "rain", "snow", "wind", "morning", "evening", "winter", "summer", "village", "lake", "road");

    /** Word for uppercase, sorting and repeating tasks: common nouns, verbs and adjectives. */
    static final List<String> PLAIN_WORDS = List.of(
            "river", "stone", "apple", "garden", "window", "candle", "forest", "winter", "summer", "bread", "water",
            "music", "horse", "silver", "yellow", "purple", "orange", "banana", "tiger", "rabbit", "turtle", "pencil",
            "paper", "market", "basket", "island", "mountain", "ocean", "castle", "dragon", "planet", "rocket",
            "violin", "piano", "guitar", "butter", "cheese", "honey", "lemon", "cherry", "pepper", "salt", "sugar",
            "thunder", "cloud", "meadow", "valley", "harbor", "lantern", "mirror", "pillow", "blanket", "ladder",
            "hammer", "needle", "thread", "button", "jacket", "bottle", "kettle", "teapot", "spoon", "fork", "plate",
            "table", "chair", "desk", "clock", "bell", "drum", "flute", "trumpet", "feather", "shell", "pebble",
            "sand", "storm", "breeze", "shadow", "sunset", "morning", "evening", "night", "moon", "star", "comet",
            "orbit", "engine", "wheel", "train", "bicycle", "wagon", "sail", "anchor", "compass", "map", "letter",
            "story", "poem", "song", "dance", "laugh", "smile", "dream", "wonder", "travel", "journey", "harvest",
            "orchard", "cottage", "village", "city", "bridge", "tunnel", "tower", "gate", "fence", "path", "road");

    /** Kinds of things with members, for listing and for "which kind" questions. */
    static final Map<String, List<String>> KINDS = Map.ofEntries(
            Map.entry("fruit", List.of("apple", "pear", "banana", "orange", "plum", "cherry", "grape", "lemon",
                    "peach", "mango", "strawberry", "apricot", "melon", "fig", "kiwi", "lime", "pineapple")),
            Map.entry("vegetable", List.of("carrot", "potato", "onion", "cabbage", "pea", "bean", "lettuce", "leek",
                    "turnip", "spinach", "celery", "broccoli", "cucumber", "pumpkin", "radish", "beet", "parsnip")),
            Map.entry("colour", List.of("red", "blue", "green", "yellow", "orange", "purple", "black", "white", "brown",
                    "pink", "grey", "gray", "violet", "gold", "silver")),
            Map.entry("animal", List.of("dog", "cat", "horse", "cow", "sheep", "pig", "lion", "tiger", "bear", "wolf",
                    "fox", "rabbit", "deer", "mouse", "elephant", "giraffe", "zebra", "monkey", "goat", "camel")),
            Map.entry("bird", List.of("robin", "sparrow", "eagle", "owl", "crow", "swan", "duck", "goose", "parrot",
                    "pigeon", "hawk", "penguin", "ostrich", "hen", "peacock", "seagull", "blackbird", "wren")),
            Map.entry("tool", List.of("hammer", "saw", "drill", "screwdriver", "spanner", "wrench", "chisel", "axe",
                    "shovel", "spade", "rake", "pliers", "file", "knife", "ladder", "trowel")),
            Map.entry("musical instrument", List.of("piano", "violin", "guitar", "flute", "drum", "trumpet", "harp",
                    "cello", "clarinet", "organ", "trombone", "oboe", "saxophone", "banjo", "tuba", "viola")),
            Map.entry("sport", List.of("football", "tennis", "golf", "cricket", "hockey", "rugby", "baseball",
                    "basketball", "swimming", "boxing", "cycling", "skiing", "rowing", "running", "volleyball")),
            Map.entry("country", List.of("France", "Spain", "Italy", "Germany", "Japan", "China", "India", "Brazil",
                    "Egypt", "Canada", "Mexico", "Peru", "Kenya", "Norway", "Sweden", "Greece", "Portugal", "Chile")),
            Map.entry("part of the body", List.of("head", "arm", "leg", "hand", "foot", "eye", "ear", "nose", "mouth",
                    "knee", "elbow", "finger", "toe", "shoulder", "neck", "heart", "chin", "back")),
            Map.entry("piece of furniture", List.of("chair", "table", "bed", "sofa", "desk", "stool", "bench",
                    "wardrobe", "cupboard", "shelf", "bookcase", "dresser", "couch", "armchair")),
            Map.entry("drink", List.of("water", "milk", "tea", "coffee", "juice", "lemonade", "cocoa", "wine", "beer",
                    "cider", "soda")),
            Map.entry("metal", List.of("iron", "gold", "silver", "copper", "tin", "lead", "zinc", "aluminium",
                    "aluminum", "nickel", "platinum", "steel", "bronze", "brass")),
            Map.entry("tree", List.of("oak", "pine", "birch", "maple", "elm", "ash", "willow", "beech", "cedar",
                    "palm", "fir", "yew", "poplar", "chestnut")),
            Map.entry("flower", List.of("rose", "tulip", "daisy", "lily", "daffodil", "poppy", "orchid", "violet",
                    "sunflower", "lavender", "iris", "dandelion", "buttercup")));

    /** Plurals of the kinds' names, as a list instruction uses them. */
    static final Map<String, String> KIND_PLURALS = Map.ofEntries(Map.entry("fruit", "fruits"),
            Map.entry("vegetable", "vegetables"), Map.entry("colour", "colours"), Map.entry("animal", "animals"),
            Map.entry("bird", "birds"), Map.entry("tool", "tools"), Map.entry("musical instrument", "musical instruments"),
            Map.entry("sport", "sports"), Map.entry("country", "countries"), Map.entry("part of the body", "parts of the body"),
            Map.entry("piece of furniture", "pieces of furniture"), Map.entry("drink", "drinks"),
            Map.entry("metal", "metals"), Map.entry("tree", "trees"), Map.entry("flower", "flowers"));

    /** Orders for the politeness task: a verb phrase and the thing it is about. */
    static final List<String[]> ORDERS = List.of(
            o("pass me", "the salt"), o("pass me", "the bread"), o("pass me", "the butter"), o("hand me", "the pen"),
            o("hand me", "the book"), o("hand me", "the key"), o("close", "the door"), o("close", "the window"),
            o("close", "the gate"), o("open", "the window"), o("open", "the door"), o("open", "the box"),
            o("turn off", "the light"), o("turn off", "the radio"), o("turn off", "the oven"), o("turn on", "the lamp"),
            o("turn on", "the heater"), o("bring me", "a glass of water"), o("bring me", "the newspaper"),
            o("bring me", "my coat"), o("give me", "the map"), o("give me", "the ticket"), o("give me", "the letter"),
            o("fetch", "the ladder"), o("fetch", "the bucket"), o("wash", "the dishes"), o("wash", "the car"),
            o("clean", "the kitchen"), o("clean", "your room"), o("feed", "the cat"), o("feed", "the dog"),
            o("water", "the plants"), o("water", "the garden"), o("read", "the letter"), o("sign", "the form"),
            o("move", "the chair"), o("move", "your bag"), o("carry", "the basket"), o("carry", "the box"),
            o("lock", "the door"), o("call", "the doctor"), o("call", "a taxi"), o("find", "my glasses"),
            o("fix", "the clock"), o("fix", "the fence"), o("sweep", "the floor"), o("paint", "the fence"),
            o("lend me", "your umbrella"), o("lend me", "a pencil"), o("show me", "the way"), o("tell me", "the time"),
            o("wait for", "the bus"), o("hold", "the ladder"), o("shut", "the lid"), o("fill", "the kettle"));

    private static String[] o(String verb, String object) {
        return new String[]{verb, object};
    }
}
