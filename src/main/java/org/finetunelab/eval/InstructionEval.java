package org.finetunelab.eval;

import org.finetunelab.model.GenerationConfig;
import org.finetunelab.model.LanguageModel;
import org.finetunelab.text.PromptTemplate;
import org.finetunelab.text.instructions.TaskExample;
import org.finetunelab.text.instructions.TaskType;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * How well a model follows instructions: it answers every example (greedy, one line), and each answer is
 * scored by its task type's check ({@link TaskChecks}). The result has one row per example and a table per
 * task type with the overall accuracy in its last row.
 */
public final class InstructionEval {
    /** Answers are one line; the longest reference answer is well under this. */
    public static final int MAX_ANSWER_TOKENS = 32;

    private InstructionEval() {
    }

    /**
     * @param details every example: task, instruction, expected, answer, correct
     * @param byTask  per task type: task, examples, correct, accuracy; the last row is "overall"
     */
    public record Result(Table details, Table byTask) {
        public double accuracy() {
            return byTask.doubleColumn("accuracy").get(byTask.rowCount() - 1);
        }

        /** The accuracy of one task type. */
        public double accuracy(TaskType task) {
            return byTask.where(byTask.stringColumn("task").isEqualTo(task.id())).doubleColumn("accuracy").get(0);
        }
    }

    /** The model answers each instruction as the template presents it (zero-shot). */
    public static Result run(LanguageModel lm, PromptTemplate template, List<TaskExample> examples, IntConsumer progress) {
        return run(lm, template, examples, List.of(), progress);
    }

    /**
     * Like {@link #run(LanguageModel, PromptTemplate, List, IntConsumer)}, with solved examples of the same task type
     * from {@code shots} written before each question (in-context learning: the prompt shows what is wanted).
     *
     * @param shots    solved examples to show, taken in order per task type; may be empty
     * @param progress told the number of examples answered so far, may be null
     */
    public static Result run(LanguageModel lm, PromptTemplate template, List<TaskExample> examples,
                             List<TaskExample> shots, IntConsumer progress) {
        StringColumn task = StringColumn.create("task");
        StringColumn instruction = StringColumn.create("instruction");
        StringColumn expected = StringColumn.create("expected");
        StringColumn answer = StringColumn.create("answer");
        BooleanColumn correct = BooleanColumn.create("correct");
        GenerationConfig greedy = GenerationConfig.greedy(MAX_ANSWER_TOKENS).withStop("\n");
        int done = 0;
        for (TaskExample e : examples) {
            String prompt = prefix(template, e.task(), shots) + template.render(e.instruction(), null, "").prompt();
            String a = lm.generate(prompt, greedy).strip();
            task.append(e.task().id());
            instruction.append(e.instruction());
            expected.append(e.response());
            answer.append(a);
            correct.append(TaskChecks.passes(e, a));
            if (progress != null) {
                progress.accept(++done);
            }
        }
        Table details = Table.create("answers", task, instruction, expected, answer, correct);
        return new Result(details, byTask(details));
    }

    /** Three solved examples of the task type, each followed by a blank line. */
    private static String prefix(PromptTemplate template, TaskType type, List<TaskExample> shots) {
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (TaskExample s : shots) {
            if (s.task() == type && used < 3) {
                PromptTemplate.Rendered r = template.render(s.instruction(), null, s.response());
                out.append(r.prompt()).append(r.response()).append("\n\n");
                used++;
            }
        }
        return out.toString();
    }

    private static Table byTask(Table details) {
        StringColumn task = StringColumn.create("task");
        IntColumn examples = IntColumn.create("examples");
        IntColumn right = IntColumn.create("correct");
        DoubleColumn accuracy = DoubleColumn.create("accuracy");
        List<String> order = new ArrayList<>();
        for (TaskType t : TaskType.values()) {
            if (details.stringColumn("task").contains(t.id())) {
                order.add(t.id());
            }
        }
        int allRight = 0;
        for (String t : order) {
            Table rows = details.where(details.stringColumn("task").isEqualTo(t));
            int n = rows.rowCount();
            int r = rows.booleanColumn("correct").countTrue();
            task.append(t);
            examples.append(n);
            right.append(r);
            accuracy.append((double) r / n);
            allRight += r;
        }
        int total = details.rowCount();
        task.append("overall");
        examples.append(total);
        right.append(allRight);
        accuracy.append(total == 0 ? 0 : (double) allRight / total);
        return Table.create("instruction following", task, examples, right, accuracy);
    }
}
