#!/usr/bin/python3
"""Writes the exercise notebooks, notebooks/exercises/ExNN-*.ipynb, from the student's files in exercises/.

  python3 src/main/python/exercise_notebooks.py

One notebook per lesson. For each exercise: a few words on the idea, a code cell holding exactly the text of
exercises/NN-id/MyX.java (the student writes the class there), and a cell that grades it in the notebook. A unit
test (ExerciseNotebooksTest) fails when a notebook's code cell and its file differ: run this script after
changing a file in exercises/.
"""
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

LESSONS = {
    "01": ("Ex01-base-model", "the base model", "01-base-model.ipynb"),
    "02": ("Ex02-fine-tuning-methods", "fine-tuning methods", "02-fine-tuning-methods.ipynb"),
    "04": ("Ex04-adapters-and-lora", "adapters and LoRA", "04-adapters-and-lora.ipynb"),
    "05": ("Ex05-prompt-tuning", "prompt and prefix tuning", "05-prompt-and-prefix-tuning.ipynb"),
    "06": ("Ex06-instruction-tuning", "instruction tuning", "06-instruction-tuning.ipynb"),
    "07": ("Ex07-preferences", "preference tuning (DPO)", "07-preferences.ipynb"),
    "08": ("Ex08-overfitting", "overfitting", "08-overfitting-and-data.ipynb"),
    "09": ("Ex09-forgetting", "forgetting", "09-catastrophic-forgetting.ipynb"),
    "11": ("Ex11-haiku-chef", "the haiku chef", "11-haiku-chef.ipynb"),
}

# The exercises in the order the lessons teach them (the same order as ExerciseCatalog).
ORDER = ["causal-mask", "attention", "perplexity", "top-p", "parameters", "lora", "adapter", "soft-prompt",
         "loss-mask", "dpo", "early-stopping", "ewc", "haiku"]

IDEAS = {
    "causal-mask": "A language model predicts each token from the ones **before** it, so attention must never look ahead. "
                   "The causal mask is added to the attention scores: 0 where a key may be seen, a huge negative number "
                   "where it may not. With a KV cache only the new tokens are queries, and they sit *after* the cached ones.",
    "attention": "Scaled dot-product attention: each query scores every key with a dot product, divided by √d so the "
                 "softmax does not saturate, then mixes the values by those weights. Large scores must not overflow.",
    "perplexity": "Perplexity is exp of the mean negative log-probability per token: the number of equally likely "
                  "tokens the model is, on average, torn between. Lesson 01 uses it to measure the base model; later "
                  "lessons watch it rise when a fine-tune makes the model forget.",
    "top-p": "Top-p (nucleus) sampling keeps the smallest set of most likely tokens whose probabilities reach p and "
             "samples among them. Getting the cut exactly right — not one token too few, not one too many — is the "
             "whole exercise.",
    "parameters": "Which weights train is the difference between the methods of lesson 02. Count them (in `long`: "
                  "real models pass two billion) and freeze by name, the way `FineTuning.freeze` and "
                  "`FineTuning.bitFit` do.",
    "lora": "LoRA keeps W frozen and learns a low-rank update (α/r)·A·B beside it. B starts at zero so the model "
            "starts as the base; α/r keeps the update's size steady when you change r; merging folds it into W for "
            "free inference.",
    "adapter": "A bottleneck adapter squeezes each hidden vector down to a few numbers, applies a nonlinearity, brings it "
               "back up and adds it to the input. With the up-projection at zero, a new adapter changes nothing.",
    "soft-prompt": "Prompt tuning learns a few \"virtual token\" vectors put in front of every input. They can start as "
                   "copies of real words' embeddings — copies, so that training them leaves the vocabulary alone.",
    "loss-mask": "Instruction tuning trains on the **response** only: position t predicts token t + 1, and counts when "
                 "that token belongs to the answer. The off-by-one here is the classic bug.",
    "dpo": "DPO learns from pairs of answers: it raises the chosen one relative to a frozen reference model more than "
           "the rejected one. Sign, reference term and β each matter.",
    "early-stopping": "Early stopping watches the validation loss and stops when it has not improved for `patience` "
                      "evaluations, then restores the best weights: the simplest cure for overfitting.",
    "ewc": "Elastic weight consolidation fights forgetting: after task A it pulls each weight back towards its old "
           "value, as strongly as the Fisher information says that weight mattered to A.",
    "haiku": "The haiku chef's poems are checked for form: three lines of 5, 7 and 5 syllables. A simple syllable rule "
             "(vowel groups, a silent final e) is right for most common words.",
}


def lines(text):
    """A cell's source as nbformat keeps it: a list of lines, each but the last ending in a new line."""
    parts = text.split("\n")
    return [p + "\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def markdown(cell_id, text):
    return {"cell_type": "markdown", "id": cell_id, "metadata": {}, "source": lines(text)}


def code(cell_id, text):
    return {"cell_type": "code", "id": cell_id, "metadata": {}, "source": lines(text), "execution_count": None, "outputs": []}


def exercises_of(lesson):
    found = []
    for exercise_id in ORDER:
        folder = ROOT / "exercises" / ("%s-%s" % (lesson, exercise_id))
        if folder.is_dir():
            files = sorted(folder.glob("My*.java"))
            found.append((exercise_id, folder, files[0]))
    return found


def notebook(lesson):
    name, title, lesson_file = LESSONS[lesson]
    items = exercises_of(lesson)
    where = ("The lesson: [%s](../%s).\n\n" % (lesson_file, lesson_file)) if lesson_file else ""
    cells = [markdown("intro", (
        "# Exercises · lesson %s · %s\n\n%s"
        "Each exercise is one small Java class. Write it in the code cell, run the cell, then run the cell under "
        "it: a table shows every check with its points, and a hint for each one that fails. Run both again after each "
        "change.\n\n"
        "- The same class is also a file in `exercises/` (named in each exercise), for your editor; grade the file with "
        "`./lab grade EXERCISE` in a terminal. The notebook and the file are two places to do the same exercise.\n"
        "- The methods' exact contract is written in the interface each class implements "
        "(`src/main/java/org/finetunelab/grading/tasks/`); the checks you see are in "
        "`src/main/java/org/finetunelab/grading/checks/`. Your teacher may run a few more.\n"
        "- Untouched, every method says `TODO` and every check fails: that is the starting point, not an error.") % (
        lesson, title, where))]
    for exercise_id, folder, source in items:
        cls = source.stem
        rel = source.relative_to(ROOT).as_posix()
        cells.append(markdown("about-" + exercise_id, "## %s\n\n%s\n\nFile: `%s` · grade it here with the cell below, "
                                                      "or with `./lab grade %s`." % (exercise_id, IDEAS[exercise_id], rel, exercise_id)))
        cells.append(code("code-" + exercise_id, source.read_text(encoding="utf-8").rstrip("\n")))
        cells.append(code("grade-" + exercise_id, 'Exercises.grade("%s", %s.class);' % (exercise_id, cls)))
    cells.append(markdown("next", (
        "## When every check passes\n\n"
        "Copy your class into its file in `exercises/` if you wrote it here (or the other way round), and run "
        "`./lab grade` to see all exercises at once, with a JSON report in `target/grading/`.")))
    return name, {
        "cells": cells,
        "metadata": {
            "kernelspec": {"display_name": "Java (FineTune Lab)", "language": "java", "name": "finetune-lab"},
            "language_info": {"file_extension": ".jshell", "mimetype": "text/x-java-source", "name": "java"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def main():
    out = ROOT / "notebooks" / "exercises"
    out.mkdir(parents=True, exist_ok=True)
    for lesson in LESSONS:
        name, nb = notebook(lesson)
        path = out / (name + ".ipynb")
        path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
