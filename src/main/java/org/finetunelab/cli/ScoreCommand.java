package org.finetunelab.cli;

import org.finetunelab.eval.Perplexity;
import org.finetunelab.model.LanguageModel;
import org.finetunelab.text.Tokenizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Print the log-probability and loss the model gives each token of a text.",
                "The text is preceded by <|endoftext|>, so the first token is predicted too. The numbers can be",
                "compared with any other implementation of the same checkpoint."})
final class ScoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TEXT", description = "the text to score")
    String text;

    @Option(names = "--file", paramLabel = "FILE", description = "score the text of this UTF-8 file instead")
    Path file;

    @Override
    public Integer call() throws Exception {
        if ((text == null) == (file == null)) {
            throw new IllegalArgumentException("give either a TEXT or --file FILE to score");
        }
        String input = text != null ? text : OptionCheck.readText(file, "--file");
        OptionCheck.nonEmpty(input, text != null ? "the text" : "the file " + file);
        PrintWriter out = spec.commandLine().getOut();
        try (LanguageModel lm = model.load()) {
            Tokenizer tok = lm.tokenizer();
            int[] ids = tok.encode(input);
            float[] logp = Perplexity.textLogProbs(lm, ids);
            out.println("position\ttoken_id\ttoken\tlog_prob\tloss");
            double sum = 0;
            for (int i = 0; i < ids.length; i++) {
                out.printf("%d\t%d\t%s\t%.6f\t%.6f%n", i, ids[i], printable(tok.decode(new int[]{ids[i]})), logp[i], -logp[i]);
                sum -= logp[i];
            }
            out.printf("mean loss %.6f nats/token, perplexity %.4f over %d tokens%n", sum / ids.length,
                    Math.exp(sum / ids.length), ids.length);
        }
        out.flush();
        return 0;
    }

    private static String printable(String s) {
        return "'" + s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t") + "'";
    }
}
