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
                "Each answer starts afresh: the small models have a 128-token context, too short to keep a conversation.",
                "--persona NAME answers as a persona (haiku-chef, bard, museum-guide or your own, see persona train);",
                "the lab's three are trained into the cache folder on first use, once."})
final class ChatCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Option(names = "--adapter", paramLabel = "DIR", description = "an adapter saved by train, applied to the model (its base by default)")
    Path adapter;

    @Option(names = "--persona", paramLabel = "NAME", description = "answer as this persona: haiku-chef, bard, museum-guide, "
            + "or one you trained with persona train --name")
    String persona;

    @Option(names = "--adapters", paramLabel = "DIR", description = "with --persona: the folder persona train wrote to "
            + "(default: the cache folder's personas/; the lab's personas missing there are trained on first use)")
    Path adapters;

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
        if (persona != null) {
            return new PersonaChat(spec, model, persona, adapters, template, adapter).run(tokens(), temperature, seed, prompt);
        }
        if (adapters != null) {
            throw new IllegalArgumentException("--adapters goes with --persona NAME (a folder of persona adapters); "
                    + "for one adapter use --adapter DIR");
        }
        TrainedFolder record = TrainedFolder.readFrom(adapter != null ? adapter : model.model);
        PromptTemplate prompts = PromptTemplate.named(template != null ? template : record != null ? record.template() : "chat");
        GenerationConfig config = GenerationConfig.sampling(maxTokens, seed).withTemperature(temperature)
                .withStop("\n<|user|>", "\n###");
        PrintWriter out = spec.commandLine().getOut();
        try (LanguageModel lm = load(record)) {
            String banner = "Chatting with " + (adapter != null ? adapter + " on " : "") + model.model + " (template "
                    + prompts.name() + ").";
            talk(out, banner, prompt, (line, onText) -> lm.generate(prompts.render(line.strip(), null, "").prompt(), config,
                    onText).strip());
        }
        return 0;
    }

    /** -n/--max-new-tokens when given, else null (a persona then answers as long as it learnt to). */
    private Integer tokens() {
        return spec.commandLine().getParseResult().hasMatchedOption("--max-new-tokens") ? maxTokens : null;
    }

    /** Answers one line and writes it as it comes. */
    interface Answerer {
        String answer(String line, java.util.function.Consumer<String> onText);
    }

    /** Answers {@code prompt} alone, or each line typed until an empty line or the end of input. */
    static void talk(PrintWriter out, String banner, String prompt, Answerer answerer) throws java.io.IOException {
        java.util.function.Consumer<String> print = piece -> {
            out.print(piece);
            out.flush();
        };
        if (prompt != null) {
            answerer.answer(prompt, print);
            out.println();
            out.flush();
            return;
        }
        out.println(banner + " Type a request; an empty line or Ctrl+D ends.");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        while (true) {
            out.print("you> ");
            out.flush();
            String line = in.readLine();
            if (line == null || line.isBlank()) {
                break;
            }
            out.print("model> ");
            answerer.answer(line, print);
            out.println();
        }
        out.flush();
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

}
