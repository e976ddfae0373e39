package org.finetunelab.cli;

import org.finetunelab.io.AtomicFiles;
import org.finetunelab.results.ReadmeBlocks;
import org.finetunelab.results.ReadmeResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code finetune results}: the README's generated figures, rebuilt from the results files or checked against them. */
@Command(name = "results", mixinStandardHelpOptions = true,
        description = {"Rebuild the generated figures of a Markdown file (the README) from the results files,"
                + " or check that they agree.",
                "A generated part stands between <!-- begin results/NAME.csv --> and <!-- end results/NAME.csv -->."})
final class ResultsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "docs/results",
            description = "folder of the results files (default: ${DEFAULT-VALUE})")
    Path dir;

    @Option(names = "--file", paramLabel = "FILE", defaultValue = "README.md",
            description = "the Markdown file with generated parts (default: ${DEFAULT-VALUE})")
    Path file;

    @Option(names = "--check", description = "change nothing; exit 1 and name the parts that differ from their results files")
    boolean check;

    @Option(names = "--print", description = "change nothing; print every generated part as the results files give it")
    boolean print;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (print) {
            for (String name : ReadmeResults.BLOCKS) {
                if (Files.isRegularFile(dir.resolve(name + ".csv"))) {
                    out.println("== " + dir.resolve(name + ".csv"));
                    out.println(ReadmeResults.render(name, dir).strip());
                    out.println();
                }
            }
            out.flush();
            return 0;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<String> outdated = ReadmeResults.outdated(text, dir);
        if (check) {
            if (!outdated.isEmpty()) {
                spec.commandLine().getErr().println("finetune results: " + file + " differs from " + dir + " in "
                        + outdated + "; run ./lab finetune results to rebuild it");
                return 1;
            }
            out.println(file + " agrees with " + dir + " (" + ReadmeBlocks.names(text) + ")");
        } else {
            AtomicFiles.writeString(file, ReadmeResults.update(text, dir));
            out.println(outdated.isEmpty() ? file + " was up to date" : file + ": rebuilt " + outdated + " from " + dir);
        }
        out.flush();
        return 0;
    }
}
