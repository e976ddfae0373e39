package org.finetunelab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The {@code finetune} command. Each subcommand is its own class, listed in {@code subcommands} below;
 * to add one, write a class annotated with {@code @Command(name = "...")} that implements
 * {@code Callable<Integer>} and add it to that list.
 */
@Command(
        name = "finetune",
        mixinStandardHelpOptions = true,
        versionProvider = FinetuneCli.Version.class,
        description = "Train, fine-tune and inspect small language models from the command line.",
        subcommands = {
                InfoCommand.class,
                PretrainCommand.class,
                GenerateCommand.class,
                TrainCommand.class,
                ChatCommand.class,
                ScoreCommand.class,
                EvalCommand.class,
                TokenizerCommand.class,
                CorpusCommand.class,
                DataCommand.class,
                CompareCommand.class,
                StudyCommand.class,
                PersonaCommand.class,
                BenchCommand.class,
                ResultsCommand.class,
                CommandLine.HelpCommand.class,
        })
public final class FinetuneCli implements Runnable {
    /** Flags the command line needs before any library code runs; the lab script sets them too. */
    static final String[][] DEFAULT_SYSTEM_PROPERTIES = {
            {"ai.djl.offline", "true"},
            {"org.slf4j.simpleLogger.defaultLogLevel", "warn"},
            // On a machine without a GPU, DJL warns that it found no CUDA driver: expected, so not shown.
            {"org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils", "error"},
    };

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        applyDefaultSystemProperties();
        int code;
        try {
            code = commandLine().execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("finetune: the Java heap ran out of memory. Ask for less (fewer tokens, a smaller batch), "
                    + "or give Java more: FINETUNE_JAVA_OPTS=-Xmx8g ./lab finetune ...");
            code = 1;
        }
        System.exit(code);
    }

    /** The configured command line, also used by tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new FinetuneCli())
                .setExecutionExceptionHandler(FinetuneCli::explain)
                .setParameterExceptionHandler(FinetuneCli::explainUsage);
    }

    /**
     * A mistyped command line (unknown option, a word where a number belongs, a missing argument): the error
     * and one line that points at the help, instead of the whole usage text.
     */
    static int explainUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        String name = cmd.getCommandSpec().qualifiedName();
        err.println(cmd.getColorScheme().errorText(name + ": " + e.getMessage()));
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        boolean hasCommands = !cmd.getSubcommands().isEmpty();
        err.println("'./lab " + name + " --help' lists the " + (hasCommands ? "commands." : "options."));
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    /**
     * Errors a user can fix (bad input, a missing file, a diverged run) are shown as one line with the cause;
     * the stack trace appears only with {@code -Dfinetune.debug=true}.
     */
    static int explain(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        if (Boolean.getBoolean("finetune.debug")) {
            e.printStackTrace(cmd.getErr());
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof java.nio.file.NoSuchFileException missing && missing.getReason() == null) {
            message = "no such file: " + message;
        }
        // The full name ("finetune persona train"), so a subcommand's error says which command it is.
        cmd.getErr().println(cmd.getColorScheme().errorText(cmd.getCommandSpec().qualifiedName() + ": " + message));
        cmd.getErr().flush();
        return 1;
    }

    /** Sets offline mode and a quiet log level unless the caller chose other values with -D. */
    static void applyDefaultSystemProperties() {
        for (String[] property : DEFAULT_SYSTEM_PROPERTIES) {
            if (System.getProperty(property[0]) == null) {
                System.setProperty(property[0], property[1]);
            }
        }
    }

    @Override
    public void run() {
        // "finetune" without a subcommand: show what there is to run.
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reads the version that the build writes into {@code version.properties}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"finetune " + projectVersion(), "Java " + Runtime.version()};
        }

        static String projectVersion() {
            try (InputStream in = FinetuneCli.class.getResourceAsStream("version.properties")) {
                if (in == null) {
                    return "unknown (version.properties is missing: rebuild with ./lab or mvn package)";
                }
                Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("version", "unknown");
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read version.properties next to FinetuneCli", e);
            }
        }
    }
}
