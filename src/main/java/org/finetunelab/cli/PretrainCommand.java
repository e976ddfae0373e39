package org.finetunelab.cli;

import me.tongfei.progressbar.ProgressBar;
import org.finetunelab.experiments.BasePretraining;
import org.finetunelab.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "pretrain", mixinStandardHelpOptions = true,
        description = {"Pretrain the lab's base model from scratch: corpus, tokenizer, training, model card.",
                "Checkpoints are written every few hundred steps; run the same command again to continue",
                "where it stopped (on this machine or another, given the cache folder)."})
final class PretrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--preset", description = "cpu (the shipped model), gpu (larger) or tiny (a quick check); default: gpu when one is in use, else cpu")
    String preset;

    @Option(names = "--steps", description = "optimizer steps (default: the preset's)")
    Long steps;

    @Option(names = "--anneal-steps", description = "steps of the annealing phase (default: the preset's)")
    Long annealSteps;

    @Option(names = "--checkpoint-every", defaultValue = "250", description = "steps between checkpoints (default: ${DEFAULT-VALUE})")
    long checkpointEvery;

    @Option(names = "--cache", paramLabel = "DIR", description = "work folder for corpus, tokens and checkpoints (default: $FINETUNE_CACHE or ~/.cache/finetune-lab)")
    Path cache;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "data/models/base", description = "where the finished model goes (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--facts", paramLabel = "FILE", defaultValue = "data/datasets/knowledge/facts.jsonl", description = "knowledge facts for the probe (default: ${DEFAULT-VALUE})")
    Path facts;

    @Option(names = "--no-export", description = "train only; do not write the model folder")
    boolean noExport;

    @Override
    public Integer call() throws Exception {
        if (steps != null) {
            OptionCheck.atLeast(steps, 1, "--steps");
        }
        if (annealSteps != null) {
            OptionCheck.atLeast(annealSteps, 0, "--anneal-steps");
        }
        OptionCheck.atLeast(checkpointEvery, 1, "--checkpoint-every");
        OptionCheck.existingFile(facts, "--facts");
        if (preset != null && !List.of("cpu", "gpu", "tiny").contains(preset)) {
            throw new IllegalArgumentException("--preset must be cpu, gpu or tiny, got '" + preset + "'");
        }
        if (cache != null && java.nio.file.Files.exists(cache) && !java.nio.file.Files.isDirectory(cache)) {
            throw new IllegalArgumentException("--cache " + cache + " is a file; give a folder");
        }
        PrintWriter console = spec.commandLine().getOut();
        BasePretraining.Settings defaults = BasePretraining.Settings.defaults(cache != null ? cache : CacheFolder.get());
        BasePretraining.Settings settings = new BasePretraining.Settings(defaults.cacheDir(),
                preset != null ? preset : defaults.preset(), steps != null ? steps : defaults.steps(),
                annealSteps != null ? annealSteps : defaults.annealSteps(), checkpointEvery, defaults.seed());
        BasePretraining run = new BasePretraining(settings, console::println);
        console.println("work folder: " + settings.cacheDir());
        try (ProgressBar bar = new ProgressBar("corpus", 1)) {
            run.buildCorpus((stage, step, total) -> {
                bar.maxHint(total);
                bar.stepTo(step);
                bar.setExtraMessage(" " + stage);
            });
        }
        run.trainTokenizer();
        TrainingResult result = run.pretrain(List.of(new ProgressBarListener("pretrain " + settings.preset())));
        console.printf("training %s after %,d steps: loss %.3f, best validation loss %.3f%n", result.stopReason(),
                result.stepsDone(), result.finalTrainLoss(), result.bestValLoss());
        if (result.stepsDone() < settings.steps()) {
            console.println("not finished: run the same command again to continue from the last checkpoint.");
            return 0;
        }
        TrainingResult annealing = run.anneal(List.of(new ProgressBarListener("anneal " + settings.preset())));
        console.printf("annealing %s after %,d steps: loss %.3f, validation loss %.3f%n", annealing.stopReason(),
                annealing.stepsDone(), annealing.finalTrainLoss(), annealing.bestValLoss());
        if (annealing.stepsDone() < settings.annealSteps()) {
            console.println("not finished: run the same command again to continue from the last checkpoint.");
            return 0;
        }
        if (!noExport) {
            run.export(out, facts, result, annealing);
        }
        console.flush();
        return 0;
    }
}
