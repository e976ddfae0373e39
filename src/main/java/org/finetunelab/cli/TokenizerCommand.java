package org.finetunelab.cli;

import me.tongfei.progressbar.ProgressBar;
import org.finetunelab.text.BpeModel;
import org.finetunelab.text.BpeTrainer;
import org.finetunelab.text.BpeTrainingConfig;
import org.finetunelab.text.Tokenizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "tokenizer", mixinStandardHelpOptions = true,
        description = {"Train a byte-level BPE tokenizer, or show how a tokenizer cuts a text.",
                "Training reads a UTF-8 text file (--corpus) and saves a standard tokenizer.json (--out);",
                "--show TEXT prints the pieces an existing tokenizer makes of TEXT."})
final class TokenizerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--corpus", paramLabel = "FILE", description = "text to learn the merges from")
    Path corpus;

    @Option(names = "--vocab", defaultValue = "4096", description = "vocabulary size, special tokens included (default: ${DEFAULT-VALUE})")
    int vocab;

    @Option(names = "--out", paramLabel = "FILE_OR_DIR", description = "where to write tokenizer.json")
    Path out;

    @Option(names = "--show", paramLabel = "TEXT", description = "encode this text with --tokenizer and print the pieces")
    String show;

    @Option(names = "--tokenizer", paramLabel = "FILE_OR_DIR", defaultValue = "data/models/base", description = "tokenizer for --show (default: ${DEFAULT-VALUE})")
    Path tokenizer;

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        if (show != null) {
            OptionCheck.nonEmpty(show, "the --show text");
            try (Tokenizer tok = Tokenizer.load(tokenizer)) {
                int[] ids = tok.encode(show);
                StringBuilder pieces = new StringBuilder();
                for (int id : ids) {
                    pieces.append('[').append(tok.decode(new int[]{id}).replace("\n", "\\n")).append("] ");
                }
                console.println(ids.length + " tokens: " + pieces.toString().trim());
                console.println("ids: " + java.util.Arrays.toString(ids));
            }
            return 0;
        }
        if (corpus == null || out == null) {
            throw new IllegalArgumentException("training needs --corpus FILE and --out FILE_OR_DIR (or use --show TEXT)");
        }
        OptionCheck.existingFile(corpus, "--corpus");
        OptionCheck.between(vocab, 257, 1_000_000, "--vocab", "the 256 bytes, end-of-text and the merges");
        if (!java.nio.file.Files.isDirectory(out)) {
            OptionCheck.writableFile(out, "--out");
        }
        BpeModel model;
        try (ProgressBar bar = new ProgressBar("tokenizer", 1)) {
            model = new BpeTrainer(BpeTrainingConfig.ofVocabSize(vocab)).train(corpus, (stage, done, total) -> {
                bar.maxHint(total);
                bar.stepTo(done);
                bar.setExtraMessage(" " + stage.name().toLowerCase().replace('_', ' '));
            });
        }
        Path written = model.save(out);
        console.printf("saved %d tokens (%d merges) to %s%n", model.vocabSize(), model.mergeCount(), written);
        console.flush();
        return 0;
    }
}
