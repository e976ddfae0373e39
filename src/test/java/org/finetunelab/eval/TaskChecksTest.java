package org.finetunelab.eval;

import org.finetunelab.text.instructions.TaskExample;
import org.finetunelab.text.instructions.TaskType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every task type's check on hand-written right and wrong answers, including the near misses. */
class TaskChecksTest {
    private static TaskExample ex(TaskType t, String accept) {
        return new TaskExample(t, "an instruction", "a response", List.of(accept.split("\\|")), List.of(), 0);
    }

    private static void right(TaskExample e, String... answers) {
        for (String a : answers) {
            assertTrue(TaskChecks.passes(e, a), e.task() + " should accept: " + a);
        }
    }

    private static void wrong(TaskExample e, String... answers) {
        for (String a : answers) {
            assertFalse(TaskChecks.passes(e, a), e.task() + " should refuse: " + a);
        }
    }

    @Test
    void factQuestionsNeedTheFactsWordAsAWord() {
        TaskExample e = ex(TaskType.FACT_QUESTION, "Paris");
        right(e, "The capital of France is Paris.", "Paris", " paris ", "It is Paris!");
        wrong(e, "The capital of France is Rome.", "Parisian food", "");
    }

    @Test
    void trueFalseReadsTheFirstWord() {
        right(ex(TaskType.TRUE_FALSE, "true"), "True.", "Yes, it is.", "correct");
        wrong(ex(TaskType.TRUE_FALSE, "true"), "False.", "No.", "It is true.", "");
        right(ex(TaskType.TRUE_FALSE, "false"), "False. The capital of France is Paris.", "No");
        wrong(ex(TaskType.TRUE_FALSE, "false"), "True.", "Falsehood is bad");
    }

    @Test
    void choiceAndCategoryNameTheRightOptionOnly() {
        TaskExample choice = new TaskExample(TaskType.CHOICE, "i", "r", List.of("blood"), List.of("bones"), 0);
        right(choice, "The kidneys clean the blood.", "blood");
        wrong(choice, "The kidneys clean the bones.", "blood or bones", "bloody");
        TaskExample kind = new TaskExample(TaskType.CATEGORY, "i", "r", List.of("part of the body"),
                List.of("piece of furniture"), 0);
        right(kind, "A knee is a part of the body.");
        wrong(kind, "A knee is a piece of furniture.", "A knee is a part.");
    }

    @Test
    void singleWordsMustBeExact() {
        right(ex(TaskType.PLURAL, "mice"), "mice", "Mice.", "\"mice\"");
        wrong(ex(TaskType.PLURAL, "mice"), "mouses", "mices", "The plural is mice and more");
        right(ex(TaskType.ANTONYM, "bad|evil"), "bad", "evil");
        wrong(ex(TaskType.ANTONYM, "bad|evil"), "good", "not good");
        right(ex(TaskType.FIRST_WORD, "farmers"), "farmers");
        wrong(ex(TaskType.FIRST_WORD, "farmers"), "small", "farmers small");
        right(ex(TaskType.LAST_WORD, "sea"), "sea.");
        wrong(ex(TaskType.LAST_WORD, "sea"), "quiet");
    }

    @Test
    void capitalsMustBeCapitals() {
        right(ex(TaskType.UPPERCASE, "HONEY"), "HONEY", " 'HONEY' ");
        wrong(ex(TaskType.UPPERCASE, "HONEY"), "honey", "Honey", "HONY");
    }

    @Test
    void countsMayBeDigitsOrWords() {
        right(ex(TaskType.COUNT_WORDS, "7"), "7", "seven", "Seven.");
        wrong(ex(TaskType.COUNT_WORDS, "7"), "6", "seventy", "7 words and more");
        right(ex(TaskType.NUMBER_WORDS, "forty-two"), "forty-two", "Forty two", "forty-two.");
        wrong(ex(TaskType.NUMBER_WORDS, "forty-two"), "42", "fourty-two", "forty");
    }

    @Test
    void listsNeedTheRightSizeKindAndNoRepeats() {
        TaskExample fruits = new TaskExample(TaskType.LIST_ITEMS, "Name three fruits.", "apple, pear, plum",
                List.of("apple", "pear", "plum", "fig", "cherry"), List.of(), 3);
        right(fruits, "apple, pear, plum", "fig, cherries and pear", "Apple; Pear; Fig.");
        wrong(fruits, "apple, pear", "apple, pear, plum, fig", "apple, apple, pear", "apple, pear, carrot");
    }

    @Test
    void sortingAndRepeatingCompareTheWordsInOrder() {
        right(ex(TaskType.SORT_WORDS, "bicycle, cloud, lantern"), "bicycle, cloud, lantern", "bicycle cloud lantern");
        wrong(ex(TaskType.SORT_WORDS, "bicycle, cloud, lantern"), "cloud, bicycle, lantern", "bicycle, cloud");
        right(ex(TaskType.REPEAT, "wheel wheel wheel"), "wheel wheel wheel", "wheel, wheel, wheel.");
        wrong(ex(TaskType.REPEAT, "wheel wheel wheel"), "wheel wheel", "wheel wheel wheel wheel");
    }

    @Test
    void politeRequestsAreQuestionsWithPleaseAboutTheSameThing() {
        TaskExample e = ex(TaskType.POLITE, "salt");
        right(e, "Could you please pass me the salt?", "Please, may I have the salt?");
        wrong(e, "Pass me the salt.", "Could you pass me the salt?", "Could you please pass me the bread?",
                "Please pass the salt.");
    }
}
