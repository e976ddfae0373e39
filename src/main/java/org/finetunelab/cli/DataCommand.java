package org.finetunelab.cli;

import org.finetunelab.text.corpus.KnowledgeSet;
import org.finetunelab.text.instructions.InstructionData;
import org.finetunelab.text.instructions.TaskExample;
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
                "instructions: the instruction-following tasks (data/datasets/instructions). The same seed writes",
                "the same files, so the committed data can always be remade and checked."})
final class DataCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "which dataset: instructions")
    String name;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: data/datasets/NAME)")
    Path out;

    @Option(names = "--facts", paramLabel = "FILE", defaultValue = "data/datasets/knowledge/facts.jsonl",
            description = "knowledge facts the fact questions are made from (default: ${DEFAULT-VALUE})")
    Path facts;

    @Option(names = "--seed", defaultValue = "" + DataCommand.SEED, description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    static final long SEED = 2026;

    @Override
    public Integer call() throws Exception {
        if (!name.equals("instructions")) {
            throw new IllegalArgumentException("unknown dataset '" + name + "': the lab writes instructions");
        }
        OptionCheck.existingFile(facts, "--facts");
        Path folder = out != null ? out : Path.of("data/datasets", name);
        InstructionData.Splits splits = InstructionData.generate(KnowledgeSet.load(facts), seed);
        InstructionData.write(splits, folder);
        PrintWriter console = spec.commandLine().getOut();
        console.printf("%s: %,d training and %,d held-out examples%n", folder, splits.train().size(), splits.test().size());
        Map<String, int[]> counts = new TreeMap<>();
        count(splits.train(), counts, 0);
        count(splits.test(), counts, 1);
        counts.forEach((task, c) -> console.printf("  %-14s %4d %4d%n", task, c[0], c[1]));
        console.flush();
        return 0;
    }

    private static void count(List<TaskExample> examples, Map<String, int[]> counts, int column) {
        for (TaskExample e : examples) {
            counts.computeIfAbsent(e.task().id(), k -> new int[2])[column]++;
        }
    }
}
