package org.finetunelab.text.instructions;

import org.finetunelab.io.AtomicFiles;
import org.finetunelab.text.DatasetException;
import org.finetunelab.text.JsonlDataset;
import org.finetunelab.text.corpus.Fact;
import com.google.gson.stream.JsonWriter;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the lab's instruction data: for every {@link TaskType}, examples made from hand-written word lists and
 * the knowledge facts, with a seeded random choice of items and phrasings.
 *
 * <p>The held-out split is made so that a model cannot pass it by memory: its items (facts, words, numbers,
 * kinds) never occur in training, and half of its examples use a phrasing of the instruction that training
 * never shows. No held-out instruction occurs in training (checked when the data is made).
 *
 * <p>Training asks for each task in many ways (eight to ten phrasings, some with a greeting before or a word of
 * thanks after): a small model that has seen only a few fixed phrasings learns those strings, not the task,
 * and cannot follow a request worded in a new way.
 */
public final class InstructionData {
    /** Examples per task type in each split. */
    public static final int TRAIN_PER_TASK = 400;
    public static final int TEST_PER_TASK = 20;
    public static final String TRAIN_FILE = "train.jsonl";
    public static final String TEST_FILE = "test.jsonl";
    static final List<String> FIELDS = List.of("task", "instruction", "response", "accept", "reject", "count");

    /** The two splits. */
    public record Splits(List<TaskExample> train, List<TaskExample> test) {
    }

    private final Random random;
    private final List<Fact> trainFacts = new ArrayList<>();
    private final List<Fact> testFacts = new ArrayList<>();

    private InstructionData(List<Fact> facts, long seed) {
        this.random = new Random(seed);
        List<Fact> shuffled = new ArrayList<>(facts);
        Collections.shuffle(shuffled, random);
        int test = 3 * TEST_PER_TASK;   // the three fact tasks draw their held-out examples from distinct facts
        testFacts.addAll(shuffled.subList(0, test));
        trainFacts.addAll(shuffled.subList(test, shuffled.size()));
    }

    /** Makes both splits; the same facts and seed give the same data. */
    public static Splits generate(List<Fact> facts, long seed) {
        InstructionData data = new InstructionData(facts, seed);
        List<TaskExample> train = new ArrayList<>();
        List<TaskExample> test = new ArrayList<>();
        for (TaskType task : TaskType.values()) {
            data.add(task, train, test);
        }
        Set<String> trainInstructions = new HashSet<>();
        train.forEach(e -> trainInstructions.add(e.instruction()));
        for (TaskExample e : test) {
            if (trainInstructions.contains(e.instruction())) {
                throw new IllegalStateException("a held-out instruction occurs in training: " + e.instruction());
            }
        }
        return new Splits(train, test);
    }

    // ------------------------------------------------------------------ one task

    /** What one item of a task becomes, given the phrasing chosen for it. */
    private interface Maker<T> {
        TaskExample make(T item, String phrasing);
    }

    /**
     * Fills {@code train} and {@code test} (empty, one task's) from {@code items}: the first {@code testItems} of a
     * shuffled copy are held out; every second held-out example uses {@code heldOutPhrasing}, which training never shows.
     */
    private <T> void split(List<T> items, int testItems, List<String> phrasings, String heldOutPhrasing, Maker<T> maker,
                           List<TaskExample> train, List<TaskExample> test) {
        List<T> shuffled = new ArrayList<>(items);
        Collections.shuffle(shuffled, random);
        fill(shuffled.subList(testItems, shuffled.size()), shuffled.subList(0, testItems), phrasings, heldOutPhrasing,
                maker, train, test);
    }

    /** Like {@link #split}, with the held-out items chosen by the caller. */
    private <T> void fill(List<T> trainPool, List<T> testPool, List<String> phrasings, String heldOutPhrasing,
                          Maker<T> maker, List<TaskExample> train, List<TaskExample> test) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; train.size() < TRAIN_PER_TASK && i < 50 * TRAIN_PER_TASK; i++) {
            TaskExample e = wrapped(maker.make(trainPool.get(i % trainPool.size()), pick(phrasings)));
            if (seen.add(e.instruction())) {
                train.add(e);
            }
        }
        for (int i = 0; test.size() < TEST_PER_TASK && i < 50 * TEST_PER_TASK; i++) {
            String phrasing = i % 2 == 0 ? heldOutPhrasing : pick(phrasings);
            TaskExample e = maker.make(testPool.get(i % testPool.size()), phrasing);
            if (seen.add(e.instruction())) {
                test.add(e);
            }
        }
    }

    /** Words a person might put around a request; training only, so held-out requests come bare. */
    private static final List<String> LEAD_INS = List.of("", "", "", "", "Please: ", "Hi! ", "Quick task. ",
            "Help me out. ", "Here is a task for you. ", "I need this: ", "Hello. ", "One more: ");
    private static final List<String> TAILS = List.of("", "", "", "", " Thanks!", " Please answer briefly.",
            " Just the answer, please.", " Thank you.");

    private TaskExample wrapped(TaskExample e) {
        String lead = pick(LEAD_INS);
        String tail = pick(TAILS);
        // A tail after bare words ("Count the words: sea wind Thanks!") would change the answer.
        boolean closed = ".?!'\"".indexOf(e.instruction().charAt(e.instruction().length() - 1)) >= 0;
        String instruction = lead + e.instruction() + (closed ? tail : "");
        return new TaskExample(e.task(), instruction, e.response(), e.accept(), e.reject(), e.count());
    }

    private void add(TaskType task, List<TaskExample> trainAll, List<TaskExample> testAll) {
        List<TaskExample> train = new ArrayList<>();
        List<TaskExample> test = new ArrayList<>();
        switch (task) {
            case FACT_QUESTION -> factQuestions(train, test);
            case TRUE_FALSE -> trueFalse(train, test);
            case CHOICE -> choice(train, test);
            case PLURAL -> split(WordLists.PLURALS, 20, List.of("What is the plural of '%s'?", "Give the plural of %s.",
                    "Plural of %s?", "Write the plural form of the word %s.", "Make %s plural.",
                    "%s, plural form?", "Turn %s into its plural.", "What is the plural form of %s?",
                    "Change '%s' to the plural.", "One %s, many what?"), "How do you say %s when there is more than one?",
                    (w, f) -> example(task, f.formatted(w[0]), w[1], List.of(w[1])), train, test);
            case ANTONYM -> split(WordLists.ANTONYMS, 25, List.of("What is the opposite of '%s'?",
                    "Give a word that means the opposite of %s.", "Opposite of %s?", "Name the antonym of %s.",
                    "What's the opposite of %s?", "Antonym of %s?", "Tell me the opposite of '%s'.",
                    "Give me the antonym for %s.", "What word is opposite to %s?"),
                    "Which word means the reverse of %s?",
                    (w, f) -> example(task, f.formatted(w[0]), w[1], Arrays.asList(w).subList(1, w.length)), train, test);
            case UPPERCASE -> split(WordLists.PLAIN_WORDS, 25, List.of("Write '%s' in capital letters.",
                    "Spell %s in upper case.", "Make this word all capitals: %s", "Uppercase: %s",
                    "Capitalize every letter of %s.", "Convert %s to uppercase.", "Write %s in all capital letters.",
                    "%s in upper case, please.", "Change %s to capitals.", "Type %s using only capital letters."),
                    "Shout the word %s (all caps).",
                    (w, f) -> example(task, f.formatted(w), w.toUpperCase(Locale.ROOT), List.of(w.toUpperCase(Locale.ROOT))),
                    train, test);
            case COUNT_WORDS -> split(sentences(400), 100, List.of("How many words are in this sentence: '%s'?",
                    "Count the words: %s", "Number of words in \"%s\"?", "How many words does this have? %s",
                    "Count how many words there are: %s", "How many words? %s", "What is the number of words in '%s'?",
                    "How long is this sentence in words: %s", "Count the words in this line: %s"),
                    "Tell me the word count of: %s",
                    (s, f) -> {
                        int n = s.split(" ").length;
                        return example(task, f.formatted(s), String.valueOf(n), List.of(String.valueOf(n)));
                    }, train, test);
            case FIRST_WORD -> split(sentences(400), 100, List.of("What is the first word of '%s'?", "First word: %s",
                    "Which word comes first in this sentence? %s", "Give me the opening word of: %s",
                    "Which word begins this sentence: %s", "Name the first word in '%s'.", "Copy only the first word: %s",
                    "The first word of \"%s\" is?", "What word is at the front of this: %s"),
                    "Tell me which word starts this: %s",
                    (s, f) -> example(task, f.formatted(s), s.split(" ")[0], List.of(s.split(" ")[0])), train, test);
            case LAST_WORD -> split(sentences(400), 100, List.of("What is the last word of '%s'?", "Last word: %s",
                    "Which word comes last in this sentence? %s", "Give me the final word of: %s",
                    "Which word finishes this sentence: %s", "Name the last word in '%s'.", "Copy only the last word: %s",
                    "The last word of \"%s\" is?", "What is the final word here? %s"),
                    "Tell me which word ends this: %s",
                    (s, f) -> {
                        String[] w = s.split(" ");
                        return example(task, f.formatted(s), w[w.length - 1], List.of(w[w.length - 1]));
                    }, train, test);
            case NUMBER_WORDS -> split(numbers(), 20, List.of("Write %d in words.", "Spell out the number %d.",
                    "How do you write %d in letters?", "%d in words, please.", "Write the number %d as a word.",
                    "How is %d written out?", "Spell %d.", "Give %d in letters, not digits.", "What is %d in English words?"), "Say the number %d using words.",
                    (n, f) -> example(task, f.formatted(n), NumberWords.of(n), List.of(NumberWords.of(n))), train, test);
            case LIST_ITEMS -> listItems(train, test);
            case SORT_WORDS -> split(wordGroups(400), 100, List.of("Sort these words alphabetically: %s",
                    "Put in alphabetical order: %s", "Arrange alphabetically: %s", "Order these from A to Z: %s",
                    "Put these words in A-Z order: %s", "Alphabetical order, please: %s", "Sort: %s",
                    "Rearrange in dictionary order: %s", "List these alphabetically: %s"),
                    "Alphabetize: %s",
                    (g, f) -> {
                        List<String> sorted = new ArrayList<>(g);
                        Collections.sort(sorted);
                        String answer = String.join(", ", sorted);
                        return example(task, f.formatted(String.join(", ", g)), answer, List.of(answer));
                    }, train, test);
            case POLITE -> polite(train, test);
            case CATEGORY -> category(train, test);
            case REPEAT -> split(WordLists.PLAIN_WORDS, 25, List.of("Say '%s' %s times.", "Repeat the word %s %s times.",
                    "Write %s %s times.", "Give me the word %s, %s times over.", "Repeat %s %s times, please.",
                    "Type the word %s %s times.", "%s, %s times.", "Write the word %s %s times in a row.",
                    "I want to see %s %s times."), "Echo %s %s times.",
                    (w, f) -> {
                        int n = 2 + random.nextInt(3);
                        String answer = String.join(" ", Collections.nCopies(n, w));
                        return example(task, f.formatted(w, NumberWords.of(n)), answer, List.of(answer));
                    }, train, test);
        }
        trainAll.addAll(train);
        testAll.addAll(test);
    }

    // ------------------------------------------------------------------ the tasks built from facts

    /** "The capital of France is" becomes "What is the capital of France?"; other facts become a gap to fill. */
    private static final Pattern CALLED = Pattern.compile("(.+) (is|are) called (a|an|the)");
    private static final Pattern WHAT_IS = Pattern.compile("(The .+) (is|are|was|were)( the| a| an)?");

    public static String question(Fact fact) {
        Matcher called = CALLED.matcher(fact.prompt());
        if (called.matches()) {
            return "What " + called.group(2) + " " + lowerFirst(called.group(1)) + " called?";
        }
        Matcher what = WHAT_IS.matcher(fact.prompt());
        if (what.matches()) {
            return "What " + what.group(2) + " " + lowerFirst(what.group(1)) + "?";
        }
        return null;
    }

    /** "is a" + " antonym" becomes "is an antonym": a swapped word keeps the article right. */
    static String withArticle(String prompt, String word) {
        boolean vowel = "aeiouAEIOU".indexOf(word.strip().charAt(0)) >= 0;
        if (prompt.endsWith(" a") && vowel) {
            return prompt + "n" + word;
        }
        if (prompt.endsWith(" an") && !vowel) {
            return prompt.substring(0, prompt.length() - 1) + word;
        }
        return prompt + word;
    }

    private static String lowerFirst(String s) {
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static String gap(Fact fact) {
        return fact.prompt() + " ___.";
    }

    private static String answer(Fact fact) {
        return fact.answer().strip();
    }

    private List<List<Fact>> factPools(int task) {
        return List.of(trainFacts, testFacts.subList(task * TEST_PER_TASK, (task + 1) * TEST_PER_TASK));
    }

    private void factQuestions(List<TaskExample> train, List<TaskExample> test) {
        List<List<Fact>> pools = factPools(0);
        fill(pools.get(0), pools.get(1), List.of("Q1", "Q2", "Q3", "Q4", "Q6", "Q7", "Q8", "Q9"), "Q5", (fact, which) -> {
            String q = question(fact);
            String instruction = q != null ? switch (which) {
                case "Q1" -> q;
                case "Q2" -> "Answer this question: " + q;
                case "Q3" -> "Please tell me: " + q;
                case "Q4" -> "Quick question: " + q;
                case "Q6" -> "Do you know this? " + q;
                case "Q7" -> "Here is a question. " + q;
                case "Q8" -> "Can you answer this: " + q;
                case "Q9" -> "Tell me this: " + q;
                default -> "I would like to know: " + q;
            } : switch (which) {
                case "Q1" -> "Fill in the missing word: " + gap(fact);
                case "Q2" -> "Complete this: " + gap(fact);
                case "Q3" -> "What word fills the gap? " + gap(fact);
                case "Q4" -> "Finish the sentence: " + gap(fact);
                case "Q6" -> "Fill the blank: " + gap(fact);
                case "Q7" -> "Which word completes this? " + gap(fact);
                case "Q8" -> "Complete the sentence: " + gap(fact);
                case "Q9" -> "What goes in the blank? " + gap(fact);
                default -> "Supply the missing word: " + gap(fact);
            };
            return example(TaskType.FACT_QUESTION, instruction, fact.text(), List.of(answer(fact)));
        }, train, test);
    }

    private void trueFalse(List<TaskExample> train, List<TaskExample> test) {
        List<List<Fact>> pools = factPools(1);
        fill(pools.get(0), pools.get(1), List.of("True or false: %s", "Is this true? %s",
                "Is the following statement correct? %s", "Tell me if this is true or false: %s",
                "True or false? %s", "Check this statement: %s", "Right or wrong: %s", "Fact check: %s",
                "Is this statement true? %s"),
                "Decide whether this is true: %s", (fact, phrasing) -> {
                    boolean truth = random.nextBoolean();
                    String statement = truth ? fact.text()
                            : withArticle(fact.prompt(), fact.distractors().get(random.nextInt(fact.distractors().size()))) + ".";
                    String response = truth ? "True." : "False. " + fact.text();
                    return example(TaskType.TRUE_FALSE, phrasing.formatted(statement), response,
                            List.of(truth ? "true" : "false"));
                }, train, test);
    }

    private void choice(List<TaskExample> train, List<TaskExample> test) {
        List<List<Fact>> pools = factPools(2);
        fill(pools.get(0), pools.get(1), List.of("Which is right, %s or %s? %s", "Choose %s or %s: %s",
                "Pick the right word (%s or %s): %s", "Is it %s or %s? %s", "%s or %s? %s",
                "Which word fits, %s or %s? %s", "Complete with %s or %s: %s", "Select %s or %s: %s"), "Fill the gap with %s or %s: %s",
                (fact, phrasing) -> {
                    String right = answer(fact);
                    String wrong = fact.distractors().get(random.nextInt(fact.distractors().size())).strip();
                    boolean rightFirst = random.nextBoolean();
                    String instruction = phrasing.formatted(rightFirst ? right : wrong, rightFirst ? wrong : right, gap(fact));
                    return new TaskExample(TaskType.CHOICE, instruction, fact.text(), List.of(right), List.of(wrong), 0);
                }, train, test);
    }

    // ------------------------------------------------------------------ the other tasks

    private void listItems(List<TaskExample> train, List<TaskExample> test) {
        List<String[]> requests = new ArrayList<>();
        for (String kind : kinds().keySet()) {
            for (int n = 2; n <= 4; n++) {
                requests.add(new String[]{kind, String.valueOf(n)});
            }
        }
        split(requests, 9, List.of("Name %s %s.", "List %s %s.", "Give me %s %s, separated by commas.",
                "Can you name %s %s?", "Tell me %s %s.", "I need %s %s, please.", "Please list %s %s, with commas.",
                "Mention %s %s.", "What are %s %s you know?"), "Write down %s %s.", (request, phrasing) -> {
                    List<String> members = kinds().get(request[0]);
                    int n = Integer.parseInt(request[1]);
                    List<String> shuffled = new ArrayList<>(members);
                    Collections.shuffle(shuffled, random);
                    String instruction = phrasing.formatted(NumberWords.of(n), WordLists.KIND_PLURALS.get(request[0]));
                    return new TaskExample(TaskType.LIST_ITEMS, instruction, String.join(", ", shuffled.subList(0, n)),
                            members, List.of(), n);
                }, train, test);
    }

    private void polite(List<TaskExample> train, List<TaskExample> test) {
        List<String> forms = List.of("Could you please %s %s?", "Would you please %s %s?", "Please could you %s %s?");
        split(WordLists.ORDERS, 12, List.of("Make this polite: %s.", "Rewrite politely: %s.", "Say this more politely: %s!",
                "Turn this order into a polite request: %s.", "Say this nicely: %s.", "Ask this politely: %s.",
                "Make this request more polite: %s!", "Soften this order: %s.", "Rephrase as a polite question: %s."), "How would you ask nicely? %s.", (order, phrasing) -> {
                    String command = Character.toUpperCase(order[0].charAt(0)) + order[0].substring(1) + " " + order[1];
                    String response = pick(forms).formatted(order[0], order[1]);
                    String[] object = order[1].split(" ");
                    return example(TaskType.POLITE, phrasing.formatted(command), response, List.of(object[object.length - 1]));
                }, train, test);
    }

    private void category(List<TaskExample> train, List<TaskExample> test) {
        Map<String, List<String>> kinds = kinds();
        List<String[]> questions = new ArrayList<>();
        for (Map.Entry<String, List<String>> kind : kinds.entrySet()) {
            if (!COUNTABLE_KINDS.contains(kind.getKey())) {
                continue;   // "a gold", "a tennis", "a pink" read wrongly: only countable things are asked about
            }
            for (String member : kind.getValue()) {
                List<String> others = new ArrayList<>(kinds.keySet());
                others.removeIf(k -> k.equals(kind.getKey()) || kinds.get(k).contains(member));
                if (isAlsoAKind(member, kind.getKey(), kinds)) {
                    continue;   // a word of two kinds (orange) has no single answer
                }
                questions.add(new String[]{member, kind.getKey(), others.get(random.nextInt(others.size()))});
            }
        }
        split(questions, 40, List.of("Is %s %s or %s?", "%s: %s or %s?", "What kind of thing is %s, %s or %s?",
                "Would you call %s %s or %s?", "Is %s %s or is it %s?", "Tell me if %s is %s or %s.",
                "Choose the right kind for %s: %s or %s?", "Which is %s: %s or %s?"), "Which is it for %s, %s or %s?", (q, phrasing) -> {
                    boolean rightFirst = random.nextBoolean();
                    String right = article(q[1]);
                    String wrong = article(q[2]);
                    String thing = article(q[0]);
                    String instruction = phrasing.formatted(phrasing.startsWith("%s:") ? upperFirst(thing) : thing,
                            rightFirst ? right : wrong, rightFirst ? wrong : right);
                    return new TaskExample(TaskType.CATEGORY, instruction, upperFirst(thing) + " is " + right + ".",
                            List.of(q[1]), List.of(q[2]), 0);
                }, train, test);
    }

    private static final Set<String> COUNTABLE_KINDS = Set.of("fruit", "vegetable", "animal", "bird", "tool",
            "musical instrument", "part of the body", "piece of furniture", "tree", "flower");

    private static boolean isAlsoAKind(String member, String kind, Map<String, List<String>> kinds) {
        return kinds.entrySet().stream().anyMatch(e -> !e.getKey().equals(kind) && e.getValue().contains(member));
    }

    private static String article(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    private static String upperFirst(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The kinds in a fixed order (a Map.of's order changes from run to run). */
    private static Map<String, List<String>> kinds() {
        return new TreeMap<>(WordLists.KINDS);
    }

    /** Random sentences of 2 to 7 distinct words (sense is not needed to count or pick words). */
    private List<String> sentences(int n) {
        Set<String> out = new LinkedHashSet<>();
        while (out.size() < n) {
            List<String> words = new ArrayList<>(WordLists.SENTENCE_WORDS);
            Collections.shuffle(words, random);
            out.add(String.join(" ", words.subList(0, 2 + random.nextInt(6))));
        }
        return new ArrayList<>(out);
    }

    /** Groups of 3 or 4 words with different first letters, in random order. */
    private List<List<String>> wordGroups(int n) {
        Set<List<String>> out = new LinkedHashSet<>();
        while (out.size() < n) {
            List<String> words = new ArrayList<>(WordLists.PLAIN_WORDS);
            Collections.shuffle(words, random);
            List<String> group = new ArrayList<>();
            Set<Character> initials = new HashSet<>();
            for (String w : words) {
                if (group.size() < 3 + random.nextInt(2) && initials.add(w.charAt(0))) {
                    group.add(w);
                }
            }
            out.add(group);
        }
        return new ArrayList<>(out);
    }

    private static List<Integer> numbers() {
        List<Integer> n = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            n.add(i);
        }
        return n;
    }

    private String pick(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static TaskExample example(TaskType task, String instruction, String response, List<String> accept) {
        return new TaskExample(task, instruction, response, accept, List.of(), 0);
    }

    // ------------------------------------------------------------------ files

    /** Writes {@code train.jsonl} and {@code test.jsonl} into {@code folder}, each atomically. */
    public static void write(Splits splits, Path folder) throws IOException {
        AtomicFiles.writeString(folder.resolve(TRAIN_FILE), jsonl(splits.train()));
        AtomicFiles.writeString(folder.resolve(TEST_FILE), jsonl(splits.test()));
    }

    /** One JSON object per line; the optional fields only where an example has them. */
    static String jsonl(List<TaskExample> examples) throws IOException {
        StringWriter out = new StringWriter();
        for (TaskExample e : examples) {
            JsonWriter json = new JsonWriter(out);
            json.setHtmlSafe(false);
            json.beginObject();
            json.name("task").value(e.task().id());
            json.name("instruction").value(e.instruction());
            json.name("response").value(e.response());
            writeCheckFields(json, e);
            json.endObject();
            json.flush();
            out.write('\n');
        }
        return out.toString();
    }

    /** What a checker needs, as the data files hold it: accept, and reject and count where the example has them. */
    static void writeCheckFields(JsonWriter json, TaskExample e) throws IOException {
        json.name("accept").value(String.join("|", e.accept()));
        if (!e.reject().isEmpty()) {
            json.name("reject").value(String.join("|", e.reject()));
        }
        if (e.count() > 0) {
            json.name("count").value(String.valueOf(e.count()));
        }
    }

    /** The example a data file's row describes; {@code field} gives a field's text ("" when absent). */
    static TaskExample exampleOf(Function<String, String> field, String response) {
        String count = field.apply("count");
        return new TaskExample(TaskType.of(field.apply("task")), field.apply("instruction"), response,
                parts(field.apply("accept")), parts(field.apply("reject")), count.isEmpty() ? 0 : Integer.parseInt(count));
    }

    /** Reads a file written by {@link #write}; problems are reported with the file, line and field. */
    public static List<TaskExample> read(Path file) {
        Table table = JsonlDataset.load(file, List.of("task", "instruction", "response", "accept"), List.of("reject", "count"));
        List<TaskExample> out = new ArrayList<>();
        for (int row = 0; row < table.rowCount(); row++) {
            final int r = row;
            Function<String, String> field = name -> table.stringColumn(name).get(r);
            try {
                out.add(exampleOf(field, field.apply("response")));
            } catch (IllegalArgumentException e) {
                throw new DatasetException(file, row + 1, null, e.getMessage(), "fix that record");
            }
        }
        return out;
    }

    private static List<String> parts(String joined) {
        return joined.isEmpty() ? List.of() : List.of(joined.split("\\|"));
    }
}
