package org.finetunelab.cli;

import org.finetunelab.model.GenerationConfig;
import org.finetunelab.model.LanguageModel;
import org.finetunelab.peft.FineTuning;
import org.finetunelab.text.PromptTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "chat", mixinStandardHelpOptions = true,
        description = {"Talk to an instruction-tuned model: each line you type is answered.",
                "The instruction is shown to the model with the template it was trained with (recorded by train).",
                "Each answer starts afresh: the small models have a 128-token context, too short to keep a conversation."})
final class ChatCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Option(names = "--adapter", paramLabel = "DIR", description = "an adapter saved by train, applied to the model (its base by default)")
    Path adapter;

    @Option(names = "--prompt", paramLabel = "TEXT", description = "answer this one instruction and exit (for scripts)")
    String prompt;

    @Option(names = "--template", description = "chat or instruction (default: the one recorded with the model, else chat)")
    String template;

    @Option(names = {"-n", "--max-new-tokens"}, defaultValue = "60", description = "answer length at most (default: ${DEFAULT-VALUE})")
    int maxTokens;

    @Option(names = {"-t", "--temperature"}, defaultValue = "0", description = "0 = greedy; higher = more varied (default: ${DEFAULT-VALUE})")
    float temperature;

    @Option(names = "--seed", defaultValue = "0", description = "random seed for sampling (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws Exception {
        OptionCheck.between(maxTokens, 1, GenerationConfig.MAX_NEW_TOKENS, "-n/--max-new-tokens", "");
        OptionCheck.between(temperature, 0f, 100f, "-t/--temperature", "0 = greedy");
        if (prompt != null) {
            OptionCheck.nonEmpty(prompt.strip(), "the --prompt text");
        }
        TrainedFolder record = TrainedFolder.readFrom(adapter != null ? adapter : model.model);
        PromptTemplate prompts = PromptTemplate.named(template != null ? template : record != null ? record.template() : "chat");
        GenerationConfig config = GenerationConfig.sampling(maxTokens, seed).withTemperature(temperature)
                .withStop("\n<|user|>", "\n###");
        PrintWriter out = spec.commandLine().getOut();
        try (LanguageModel lm = load(record)) {
            if (prompt != null) {
                answer(lm, prompts, prompt, config, out);
                out.println();
                out.flush();
                return 0;
            }
            out.println("Chatting with " + (adapter != null ? adapter + " on " : "") + model.model + " (template "
                    + prompts.name() + "). Type a request; an empty line or Ctrl+D ends.");
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            while (true) {
                out.print("you> ");
                out.flush();
                String line = in.readLine();
                if (line == null || line.isBlank()) {
                    break;
                }
                out.print("model> ");
                answer(lm, prompts, line, config, out);
                out.println();
            }
        }
        out.flush();
        return 0;
    }

    private LanguageModel load(TrainedFolder record) throws java.io.IOException {
        if (adapter == null) {
            return model.load();
        }
        OptionCheck.existingFolder(adapter, "--adapter");
        // The adapter's own base unless -m names another one.
        boolean baseGiven = spec.commandLine().getParseResult().hasMatchedOption("--model");
        Path base = !baseGiven && record != null ? Path.of(record.base()) : model.model;
        return FineTuning.loadModel(base, adapter);
    }

    /** Streams the answer to {@code out} as it is written and returns it. */
    private static String answer(LanguageModel lm, PromptTemplate prompts, String instruction, GenerationConfig config,
                                 PrintWriter out) {
        String shown = prompts.render(instruction.strip(), null, "").prompt();
        return lm.generate(shown, config, piece -> {
            out.print(piece);
            out.flush();
        }).strip();
    }
}
