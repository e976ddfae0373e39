package org.finetunelab.cli;

import org.finetunelab.text.corpus.KnowledgeSet;
import org.finetunelab.text.instructions.InstructionData;
import org.finetunelab.text.corpus.Fact;
import org.finetunelab.text.instructions.PreferenceData;
import org.finetunelab.text.personas.Bard;
import org.finetunelab.text.personas.HaikuChef;
import org.finetunelab.text.personas.MuseumGuide;
import org.finetunelab.text.personas.Persona;
import org.finetunelab.text.personas.PersonaData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

@Command(name = "data", mixinStandardHelpOptions = true,
        description = {"Write one of the datasets the lab makes itself.",
                "instructions: the instruction-following tasks (data/datasets/instructions);",
                "preferences: preferred and rejected answers to them (data/datasets/preferences);",
                "haiku-chef, bard, museum-guide: the personas' data (data/datasets/NAME).",
                "The same seed writes the same files, so the committed data can always be",
                "remade and checked."})
final class DataCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME",
            description = "which dataset: instructions, preferences, haiku-chef, bard or museum-guide")
    String name;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: data/datasets/NAME)")
    Path out;

    @Option(names = "--facts", paramLabel = "FILE", defaultValue = "data/datasets/knowledge/facts.jsonl",
            description = "knowledge facts the fact questions are made from (default: ${DEFAULT-VALUE})")
    Path facts;

    @Option(names = "--seed", defaultValue = "" + DataCommand.SEED, description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    static final long SEED = 2026;
    static final List<String> NAMES = List.of("instructions", "preferences", "haiku-chef", "bard", "museum-guide");

    @Override
    public Integer call() throws Exception {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown dataset '" + name + "': the lab writes " + String.join(", ", NAMES));
        }
        OptionCheck.existingFile(facts, "--facts");
        Path folder = out != null ? out : Path.of("data/datasets", name);
        List<Fact> knowledge = KnowledgeSet.load(facts);
        if (!name.equals("instructions") && !name.equals("preferences")) {
            return persona(Persona.of(name), knowledge, folder);
        }
        InstructionData.Splits instructions = InstructionData.generate(knowledge, seed);
        Map<String, int[]> counts = new TreeMap<>();
        int train;
        int test;
        if (name.equals("instructions")) {
            InstructionData.write(instructions, folder);
            instructions.train().forEach(e -> counts.computeIfAbsent(e.task().id(), k -> new int[2])[0]++);
            instructions.test().forEach(e -> counts.computeIfAbsent(e.task().id(), k -> new int[2])[1]++);
            train = instructions.train().size();
            test = instructions.test().size();
        } else {
            PreferenceData.Splits pairs = PreferenceData.generate(instructions, knowledge, seed);
            PreferenceData.write(pairs, folder);
            pairs.train().forEach(p -> counts.computeIfAbsent(p.kind().id(), k -> new int[2])[0]++);
            pairs.test().forEach(p -> counts.computeIfAbsent(p.kind().id(), k -> new int[2])[1]++);
            train = pairs.train().size();
            test = pairs.test().size();
        }
        PrintWriter console = spec.commandLine().getOut();
        console.printf("%s: %,d training and %,d held-out examples%n", folder, train, test);
        counts.forEach((kind, c) -> console.printf("  %-14s %4d %4d%n", kind, c[0], c[1]));
        console.flush();
        return 0;
    }

    /** A persona's dataset, with its counts per topic. */
    private int persona(Persona persona, List<Fact> knowledge, Path folder) throws Exception {
        PersonaData.Splits splits = switch (persona) {
            case HAIKU_CHEF -> HaikuChef.generate(seed);
            case BARD -> Bard.generate(seed);
            case MUSEUM_GUIDE -> MuseumGuide.generate(knowledge, seed);
        };
        PersonaData.write(splits, folder);
        Map<String, int[]> counts = new TreeMap<>();
        // The guide's exhibits are many: count its knowledge halls together.
        splits.train().forEach(e -> counts.computeIfAbsent(group(e.topic()), k -> new int[2])[0]++);
        splits.test().forEach(e -> counts.computeIfAbsent(group(e.topic()), k -> new int[2])[1]++);
        PrintWriter console = spec.commandLine().getOut();
        console.printf("%s: %,d training and %,d held-out examples%n", folder, splits.train().size(), splits.test().size());
        counts.forEach((kind, c) -> console.printf("  %-20s %4d %4d%n", kind, c[0], c[1]));
        console.flush();
        return 0;
    }

    private static String group(String topic) {
        return topic.startsWith("hall:") ? "knowledge halls" : topic;
    }
}
