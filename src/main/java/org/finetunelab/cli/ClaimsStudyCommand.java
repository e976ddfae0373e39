package org.finetunelab.cli;

import org.finetunelab.experiments.Claims;
import org.finetunelab.results.ResultsFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.Table;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "claims", mixinStandardHelpOptions = true,
        description = "The claims the course teaches from (LoRA close to full fine-tuning, PEFT forgets less, small "
                + "data overfits, prompt tuning weaker on small models, instruction tuning, EWC), each with what the lab "
                + "measured and a verdict, read from the other studies' results files: it trains nothing.")
final class ClaimsStudyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "docs/results",
            description = "the folder of results files to read (default: ${DEFAULT-VALUE})")
    Path dir;

    @Override
    public Integer call() throws Exception {
        OptionCheck.existingFolder(dir, "--dir");
        study.checkOutputs();
        if (study.chart != null) {
            throw new IllegalArgumentException("--chart: the claims are a table with no figure of their own; "
                    + "each study it reads draws its own");
        }
        PrintWriter out = spec.commandLine().getOut();
        Table claims = Claims.table(dir);
        for (int r = 0; r < claims.rowCount(); r++) {
            out.printf("%d. %s%n   measured: %s%n   verdict:  %s%n   from:     %s%n%n", r + 1,
                    claims.stringColumn(Claims.CLAIM).get(r), claims.stringColumn(Claims.MEASURED).get(r),
                    claims.stringColumn(Claims.VERDICT).get(r), claims.stringColumn(Claims.SOURCE).get(r));
        }
        if (study.csv != null) {
            ResultsFile.write(study.csv, StudyOptions.provenance(spec).finish(), claims);
            out.println("results written to " + study.csv);
        }
        out.flush();
        return 0;
    }
}
