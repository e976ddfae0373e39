package org.finetunelab.grading;

import org.finetunelab.grading.checks.AdapterChecks;
import org.finetunelab.grading.checks.AttentionChecks;
import org.finetunelab.grading.checks.CausalMaskChecks;
import org.finetunelab.grading.checks.DpoChecks;
import org.finetunelab.grading.checks.EarlyStoppingChecks;
import org.finetunelab.grading.checks.EwcChecks;
import org.finetunelab.grading.checks.HaikuChecks;
import org.finetunelab.grading.checks.LoraChecks;
import org.finetunelab.grading.checks.LossMaskChecks;
import org.finetunelab.grading.checks.ParameterCountChecks;
import org.finetunelab.grading.checks.PerplexityChecks;
import org.finetunelab.grading.checks.SoftPromptChecks;
import org.finetunelab.grading.checks.TopPChecks;
import org.finetunelab.grading.tasks.AdapterExercise;
import org.finetunelab.grading.tasks.AttentionExercise;
import org.finetunelab.grading.tasks.CausalMaskExercise;
import org.finetunelab.grading.tasks.DpoExercise;
import org.finetunelab.grading.tasks.EarlyStoppingExercise;
import org.finetunelab.grading.tasks.EwcExercise;
import org.finetunelab.grading.tasks.HaikuExercise;
import org.finetunelab.grading.tasks.LoraExercise;
import org.finetunelab.grading.tasks.LossMaskExercise;
import org.finetunelab.grading.tasks.ParameterCountExercise;
import org.finetunelab.grading.tasks.PerplexityExercise;
import org.finetunelab.grading.tasks.SoftPromptExercise;
import org.finetunelab.grading.tasks.TopPExercise;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Every exercise of the course, in the order of the lessons. */
public final class ExerciseCatalog {
    private ExerciseCatalog() {
    }

    /** Lesson numbers and the titles the table and the README use. */
    public static final Map<String, String> LESSONS = Map.ofEntries(
            Map.entry("01", "base model"), Map.entry("02", "fine-tuning methods"), Map.entry("03", "full fine-tuning"),
            Map.entry("04", "adapters and LoRA"), Map.entry("05", "prompt and prefix tuning"), Map.entry("06", "instruction tuning"),
            Map.entry("07", "preference tuning (DPO)"), Map.entry("08", "overfitting"), Map.entry("09", "forgetting"),
            Map.entry("11", "haiku chef"));

    public static final List<Exercise> ALL = List.of(
            new Exercise("causal-mask", "01", "the causal mask", "MyCausalMask", CausalMaskExercise.class,
                    CausalMaskChecks.class, "CausalMaskInstructorChecks"),
            new Exercise("attention", "01", "scaled dot-product attention", "MyAttention", AttentionExercise.class,
                    AttentionChecks.class, "AttentionInstructorChecks"),
            new Exercise("perplexity", "01", "perplexity from log-probabilities", "MyPerplexity", PerplexityExercise.class,
                    PerplexityChecks.class, "PerplexityInstructorChecks"),
            new Exercise("top-p", "01", "top-p (nucleus) sampling", "MyTopP", TopPExercise.class,
                    TopPChecks.class, "TopPInstructorChecks"),
            new Exercise("parameters", "02", "counting and freezing parameters", "MyParameterCount", ParameterCountExercise.class,
                    ParameterCountChecks.class, "ParameterCountInstructorChecks"),
            new Exercise("lora", "04", "a LoRA layer", "MyLora", LoraExercise.class,
                    LoraChecks.class, "LoraInstructorChecks"),
            new Exercise("adapter", "04", "a bottleneck adapter", "MyAdapter", AdapterExercise.class,
                    AdapterChecks.class, "AdapterInstructorChecks"),
            new Exercise("soft-prompt", "05", "a soft prompt", "MySoftPrompt", SoftPromptExercise.class,
                    SoftPromptChecks.class, "SoftPromptInstructorChecks"),
            new Exercise("loss-mask", "06", "the instruction loss mask", "MyLossMask", LossMaskExercise.class,
                    LossMaskChecks.class, "LossMaskInstructorChecks"),
            new Exercise("dpo", "07", "the DPO loss", "MyDpo", DpoExercise.class,
                    DpoChecks.class, "DpoInstructorChecks"),
            new Exercise("early-stopping", "08", "early stopping", "MyEarlyStopping", EarlyStoppingExercise.class,
                    EarlyStoppingChecks.class, "EarlyStoppingInstructorChecks"),
            new Exercise("ewc", "09", "the EWC penalty", "MyEwc", EwcExercise.class,
                    EwcChecks.class, "EwcInstructorChecks"),
            new Exercise("haiku", "11", "a haiku 5-7-5 checker", "MyHaiku", HaikuExercise.class,
                    HaikuChecks.class, "HaikuInstructorChecks"));

    /** The exercise with this id; an unknown id is an error that lists the known ones. */
    public static Exercise byId(String id) {
        for (Exercise e : ALL) {
            if (e.id().equals(id)) {
                return e;
            }
        }
        throw new IllegalArgumentException("no exercise is called '" + id + "'; the exercises are: "
                + ALL.stream().map(Exercise::id).collect(Collectors.joining(", ")));
    }
}
