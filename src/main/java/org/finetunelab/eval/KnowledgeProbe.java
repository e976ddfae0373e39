package org.finetunelab.eval;

import org.finetunelab.model.Gpt;
import org.finetunelab.text.Tokenizer;
import org.finetunelab.text.corpus.Fact;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * Does the model "know" a fact? Each fact is a multiple-choice question: the prompt ("The capital of
 * France is") and four candidate endings. The model picks the ending it finds most probable; the probe
 * counts how often that is the true one. Chance level is 25%.
 */
public final class KnowledgeProbe {
    private KnowledgeProbe() {
    }

    /**
     * @param accuracy fraction of facts whose true answer scored highest
     * @param details  one row per fact: id, topic, prompt, answer, chosen, correct, margin (log-prob of the
     *                 answer minus the best distractor's)
     */
    public record Result(double accuracy, Table details) {
        /** Accuracy per topic, for a bar chart. */
        public Table byTopic() {
            Table t = details.summarize("correct", tech.tablesaw.aggregate.AggregateFunctions.proportionTrue)
                    .by("topic");
            t.column(1).setName("accuracy");
            return t;
        }
    }

    public static Result run(Gpt model, Tokenizer tokenizer, List<Fact> facts) {
        List<SequenceScorer.Pair> pairs = new ArrayList<>();
        for (Fact f : facts) {
            int[] context = tokenizer.encode(f.prompt());
            for (String choice : f.choices()) {
                pairs.add(new SequenceScorer.Pair(context, tokenizer.encode(choice)));
            }
        }
        List<SequenceScorer.Score> scores = new SequenceScorer(model, 64).score(pairs);
        StringColumn id = StringColumn.create("id");
        StringColumn topic = StringColumn.create("topic");
        StringColumn prompt = StringColumn.create("prompt");
        StringColumn answer = StringColumn.create("answer");
        StringColumn chosen = StringColumn.create("chosen");
        BooleanColumn correct = BooleanColumn.create("correct");
        DoubleColumn margin = DoubleColumn.create("margin");
        int k = 0;
        int right = 0;
        for (Fact f : facts) {
            List<String> choices = f.choices();
            int best = 0;
            double bestDistractor = Double.NEGATIVE_INFINITY;
            double[] s = new double[choices.size()];
            for (int c = 0; c < choices.size(); c++) {
                s[c] = scores.get(k++).logProb();
                if (s[c] > s[best]) {
                    best = c;
                }
                if (!choices.get(c).equals(f.answer())) {
                    bestDistractor = Math.max(bestDistractor, s[c]);
                }
            }
            boolean ok = choices.get(best).equals(f.answer());
            right += ok ? 1 : 0;
            id.append(f.id());
            topic.append(f.topic());
            prompt.append(f.prompt());
            answer.append(f.answer());
            chosen.append(choices.get(best));
            correct.append(ok);
            margin.append(s[choices.indexOf(f.answer())] - bestDistractor);
        }
        double accuracy = facts.isEmpty() ? Double.NaN : (double) right / facts.size();
        return new Result(accuracy, Table.create("knowledge probe", id, topic, prompt, answer, chosen, correct, margin));
    }
}
