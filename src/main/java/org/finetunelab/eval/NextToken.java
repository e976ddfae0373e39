package org.finetunelab.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.finetunelab.model.Forward;
import org.finetunelab.model.InferenceScope;
import org.finetunelab.model.Gpt;
import org.finetunelab.model.LanguageModel;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** What the model expects next: the probability of every token after a prompt, most likely first. */
public final class NextToken {
    private NextToken() {
    }

    /** The {@code k} most likely next tokens: rank, token id, the token's text, probability. */
    public static Table top(LanguageModel lm, String prompt, int k) {
        float[] p = probabilities(lm, prompt);
        int[] order = IntStream.range(0, p.length).boxed().sorted(Comparator.comparingDouble(i -> -p[i]))
                .limit(k).mapToInt(Integer::intValue).toArray();
        IntColumn rank = IntColumn.create("rank");
        IntColumn id = IntColumn.create("token_id");
        StringColumn text = StringColumn.create("token");
        DoubleColumn prob = DoubleColumn.create("probability");
        for (int r = 0; r < order.length; r++) {
            rank.append(r + 1);
            id.append(order[r]);
            text.append(visible(lm.tokenizer().decode(new int[]{order[r]})));
            prob.append(p[order[r]]);
        }
        return Table.create("next token after \"" + prompt + "\"", rank, id, text, prob);
    }

    /** Softmax of the last position's logits: one probability per vocabulary entry. */
    public static float[] probabilities(LanguageModel lm, String prompt) {
        Gpt model = lm.model();
        int[] ids = lm.tokenizer().encode(prompt);
        if (ids.length == 0) {
            ids = new int[]{lm.tokenizer().endOfTextId()};
        }
        int window = model.config().contextLength() - model.promptLength();
        int[] kept = Arrays.copyOfRange(ids, Math.max(0, ids.length - window), ids.length);
        try (InferenceScope engine = InferenceScope.enter(model.device()); NDManager scope = model.newScope()) {
            Forward f = new Forward(scope, false);
            NDArray input = scope.create(Arrays.stream(kept).asLongStream().toArray(), new Shape(1, kept.length));
            NDArray hidden = model.hidden(f, input, null).get(":, -1:, :");
            return model.logits(f, hidden).reshape(-1).softmax(0).toFloatArray();
        }
    }

    /** Shows spaces and line breaks, which are otherwise invisible in a table. */
    static String visible(String token) {
        return token.replace(" ", "␣").replace("\n", "⏎");
    }
}
