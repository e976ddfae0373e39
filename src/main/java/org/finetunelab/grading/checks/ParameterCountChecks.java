package org.finetunelab.grading.checks;

import org.finetunelab.grading.Check;
import org.finetunelab.grading.Submitted;
import org.finetunelab.grading.tasks.ParameterCountExercise;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Lesson 02: counting and freezing parameters. */
@ExtendWith(Submitted.class)
public class ParameterCountChecks {

    /** The names of a small GPT with {@code blocks} blocks, as the library names them. */
    public static Map<String, int[]> gpt(int blocks, int d, int vocab, int context) {
        Map<String, int[]> p = new LinkedHashMap<>();
        p.put("wte.weight", new int[]{vocab, d});
        p.put("wpe.weight", new int[]{context, d});
        for (int b = 0; b < blocks; b++) {
            String h = "h." + b + ".";
            p.put(h + "ln_1.weight", new int[]{d});
            p.put(h + "ln_1.bias", new int[]{d});
            p.put(h + "attn.c_attn.weight", new int[]{d, 3 * d});
            p.put(h + "attn.c_attn.bias", new int[]{3 * d});
            p.put(h + "attn.c_proj.weight", new int[]{d, d});
            p.put(h + "attn.c_proj.bias", new int[]{d});
            p.put(h + "ln_2.weight", new int[]{d});
            p.put(h + "ln_2.bias", new int[]{d});
            p.put(h + "mlp.c_fc.weight", new int[]{d, 4 * d});
            p.put(h + "mlp.c_fc.bias", new int[]{4 * d});
            p.put(h + "mlp.c_proj.weight", new int[]{4 * d, d});
            p.put(h + "mlp.c_proj.bias", new int[]{d});
        }
        p.put("ln_f.weight", new int[]{d});
        p.put("ln_f.bias", new int[]{d});
        return p;
    }

    static Set<String> blocksFrom(Map<String, int[]> p, int first) {
        Set<String> s = new TreeSet<>();
        for (String name : p.keySet()) {
            if (name.startsWith("ln_f.")) {
                s.add(name);
            } else if (name.startsWith("h.") && Integer.parseInt(name.split("\\.")[1]) >= first) {
                s.add(name);
            }
        }
        return s;
    }

    // Mistake: the dimensions added instead of multiplied.
    @Check(points = 2, hint = "a parameter of shape [a, b, c] holds a × b × c numbers")
    void sizeMultipliesTheDimensions(ParameterCountExercise count) {
        assertEquals(12, count.size(new int[]{3, 4}), "size([3, 4])");
        assertEquals(24, count.size(new int[]{2, 3, 4}), "size([2, 3, 4])");
    }

    // Mistake: the product started at 0, or an empty shape counted as nothing.
    @Check(points = 1, hint = "a scalar has shape [] and still holds one number: start the product at 1")
    void aScalarHoldsOneNumber(ParameterCountExercise count) {
        assertEquals(1, count.size(new int[]{}), "size([])");
    }

    // Mistake: only some parameters counted (the first, or the last).
    @Check(points = 1, hint = "add up the sizes of every parameter in the map")
    void totalAddsEveryParameter(ParameterCountExercise count) {
        Map<String, int[]> p = new LinkedHashMap<>();
        p.put("a.weight", new int[]{3, 4});
        p.put("a.bias", new int[]{4});
        p.put("scale", new int[]{});
        assertEquals(17, count.total(p), "total of [3, 4], [4] and []");
    }

    // Mistake: counting in int, which wraps around past 2,147,483,647.
    @Check(points = 1, hint = "multiply in long: 50,000 × 50,000 does not fit in an int")
    void totalDoesNotOverflow(ParameterCountExercise count) {
        assertEquals(2_500_000_000L, count.total(Map.of("wte.weight", new int[]{50_000, 50_000})), "total of [50000, 50000]");
    }

    // Mistake: the embeddings (or the position embeddings) left trainable.
    @Check(points = 1, hint = "freezing the bottom blocks freezes the embeddings below them too: wte. and wpe.")
    void freezesTheEmbeddingsAndTheBottomBlocks(ParameterCountExercise count) {
        Map<String, int[]> p = gpt(4, 8, 50, 16);
        assertEquals(blocksFrom(p, 2), count.trainableAfterFreezing(p.keySet(), 2), "trainable names with 2 of 4 blocks frozen");
    }

    // Mistake: matching the prefix "h.1" without the dot, which freezes h.10 and h.11 too.
    @Check(points = 2, hint = "block 1's names start with \"h.1.\" — with the dot, so that h.10 and h.11 are not caught")
    void freezingBlockOneLeavesBlockTenAlone(ParameterCountExercise count) {
        Map<String, int[]> p = gpt(12, 8, 50, 16);
        Set<String> trainable = count.trainableAfterFreezing(p.keySet(), 2);
        assertEquals(blocksFrom(p, 2), trainable, "trainable names with 2 of 12 blocks frozen (is h.10 or h.11 missing?)");
    }

    // Mistake: every name containing "bias" or "b" picked, or the LayerNorm biases left out.
    @Check(points = 1, hint = "BitFit trains the names that end in \".bias\", LayerNorm biases included")
    void bitFitTrainsTheBiases(ParameterCountExercise count) {
        Map<String, int[]> p = gpt(2, 8, 50, 16);
        Set<String> expected = new TreeSet<>();
        p.keySet().stream().filter(n -> n.endsWith(".bias")).forEach(expected::add);
        assertEquals(expected, count.bitFit(p.keySet()), "BitFit's names");
    }

    // Mistake: a fraction (0.0105) returned instead of a percent (1.05).
    @Check(points = 1, hint = "a percent: 100 × trainable numbers / all numbers")
    void shareIsAPercent(ParameterCountExercise count) {
        Map<String, int[]> p = new LinkedHashMap<>();
        p.put("big.weight", new int[]{99, 100});
        p.put("small.weight", new int[]{100});
        Expect.close(1.0, count.trainablePercent(p, Set.of("small.weight")), 1e-9, "trainablePercent of 100 of 10,000 numbers");
    }
}
