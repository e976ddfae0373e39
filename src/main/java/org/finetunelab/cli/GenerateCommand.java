package org.finetunelab.cli;

import org.finetunelab.model.GenerationConfig;
import org.finetunelab.model.LanguageModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Continue a prompt with a model, printing the text as it is generated.")
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Parameters(index = "0", paramLabel = "PROMPT", description = "the text to continue")
    String prompt;

    @Option(names = {"-n", "--max-new-tokens"}, defaultValue = "60",
            description = "new tokens at most, up to " + GenerationConfig.MAX_NEW_TOKENS_TEXT + " (default: ${DEFAULT-VALUE})")
    int maxTokens;

    @Option(names = {"-t", "--temperature"}, defaultValue = "0.8", description = "0 = greedy; higher = more random (default: ${DEFAULT-VALUE})")
    float temperature;

    @Option(names = "--top-k", defaultValue = "40", description = "sample among the k most likely tokens; 0 = all (default: ${DEFAULT-VALUE})")
    int topK;

    @Option(names = "--top-p", defaultValue = "0.95", description = "sample among the most likely tokens covering this probability (default: ${DEFAULT-VALUE})")
    float topP;

    @Option(names = "--stop", paramLabel = "TEXT", description = "stop when this text appears (repeatable)")
    List<String> stops = new ArrayList<>();

    @Option(names = "--seed", defaultValue = "0", description = "random seed; the same seed gives the same text (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--no-cache", description = "recompute the whole text for every token instead of using the KV cache")
    boolean noCache;

    @Override
    public Integer call() throws Exception {
        OptionCheck.between(maxTokens, 0, GenerationConfig.MAX_NEW_TOKENS, "-n/--max-new-tokens", "");
        OptionCheck.between(temperature, 0f, 100f, "-t/--temperature", "0 = greedy");
        OptionCheck.atLeast(topK, 0, "--top-k");
        OptionCheck.probability(topP, "--top-p");
        for (String stop : stops) {
            OptionCheck.nonEmpty(stop, "a --stop text");
        }
        PrintWriter out = spec.commandLine().getOut();
        GenerationConfig cfg = new GenerationConfig(maxTokens, temperature, topK, topP, stops, seed, !noCache);
        try (LanguageModel lm = model.load()) {
            out.print(prompt);
            lm.generate(prompt, cfg, piece -> {
                out.print(piece);
                out.flush();
            });
            out.println();
        }
        out.flush();
        return 0;
    }
}
