package org.finetunelab.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every command with arguments a user might type by mistake (huge, negative, empty, wrong types, missing files,
 * folders that do not exist): each must fail with a short message that names the problem, never with a stack
 * trace, and never with exit code 0.
 */
class HostileArgumentsTest {
    private static final Pattern STACK_TRACE = Pattern.compile("(?m)(Exception|\\bError\\b:|^\\s+at [\\w.$]+\\(|^Caused by)");

    @TempDir
    static Path dir;
    static String model;
    static String textFile;
    static String binaryFile;
    static String emptyFolder;
    static String missing;
    static String trainedPersonas;
    static String fewExamples;
    static String longExamples;

    @BeforeAll
    static void fixtures() throws Exception {
        model = TinyModel.create(dir).toString();
        textFile = Files.writeString(dir.resolve("text.txt"), "The cat sat on the mat.\n").toString();
        binaryFile = Files.write(dir.resolve("binary.bin"), new byte[]{(byte) 0xff, (byte) 0xfe, 0, (byte) 0xc3}).toString();
        emptyFolder = Files.createDirectories(dir.resolve("empty")).toString();
        missing = dir.resolve("does/not/exist").toString();
        Path bard = Files.createDirectories(dir.resolve("personas/bard"));
        Files.writeString(bard.resolve("persona.json"), "{}");
        trainedPersonas = dir.resolve("personas").toString();
        longExamples = Files.writeString(dir.resolve("long.jsonl"), ("{\"instruction\": \"hi\", \"response\": \""
                + "cat ".repeat(60) + "\"}\n").repeat(12)).toString();
        fewExamples = Files.writeString(dir.resolve("few.jsonl"), "{\"instruction\": \"hi\", \"response\": \"yo\"}\n".repeat(3))
                .toString();
    }

    /** Each case: the arguments, and a piece of the message that must name what is wrong. */
    private static List<String[]> cases() {
        List<String[]> c = new ArrayList<>();
        // generate
        c.add(a("-n/--max-new-tokens", "generate", "-m", model, "-n", "2000000000", "Once upon a time"));
        c.add(a("-n/--max-new-tokens", "generate", "-m", model, "-n", "-5", "Once"));
        c.add(a("--max-new-tokens", "generate", "-m", model, "-n", "many", "Once"));
        c.add(a("-t/--temperature", "generate", "-m", model, "-t", "-1", "Once"));
        c.add(a("-t/--temperature", "generate", "-m", model, "-t", "NaN", "Once"));
        c.add(a("--top-p", "generate", "-m", model, "--top-p", "0", "Once"));
        c.add(a("--top-p", "generate", "-m", model, "--top-p", "1.5", "Once"));
        c.add(a("--top-k", "generate", "-m", model, "--top-k", "-3", "Once"));
        c.add(a("--stop", "generate", "-m", model, "--stop", "", "Once"));
        c.add(a("--seed", "generate", "-m", model, "--seed", "abc", "Once"));
        c.add(a("PROMPT", "generate", "-m", model));
        c.add(a("does/not/exist does not exist", "generate", "-m", missing, "Once"));
        c.add(a("is a file", "generate", "-m", textFile, "Once"));
        c.add(a("has no tokenizer.json", "generate", "-m", emptyFolder, "Once"));
        c.add(a("Unknown option", "generate", "-m", model, "--bogus", "Once"));
        // score
        c.add(a("the text is empty", "score", "-m", model, ""));
        c.add(a("does not exist", "score", "-m", model, "--file", missing));
        c.add(a("is a folder", "score", "-m", model, "--file", emptyFolder));
        c.add(a("not UTF-8", "score", "-m", model, "--file", binaryFile));
        c.add(a("either a TEXT or --file", "score", "-m", model));
        c.add(a("either a TEXT or --file", "score", "-m", model, "--file", textFile, "text too"));
        c.add(a("shorten it", "score", "-m", model, "the cat ".repeat(200)));
        // eval
        c.add(a("--facts", "eval", "-m", model, "--facts", missing));
        c.add(a("--text", "eval", "-m", model, "--text", missing));
        c.add(a("--text", "eval", "-m", model, "--text", emptyFolder));
        c.add(a("--windows", "eval", "-m", model, "--windows", "0"));
        c.add(a("--windows", "eval", "-m", model, "--windows", "-1"));
        c.add(a("does not exist", "eval", "-m", missing));
        // tokenizer
        c.add(a("--show text is empty", "tokenizer", "--show", "", "--tokenizer", model));
        c.add(a("does/not/exist", "tokenizer", "--show", "hi", "--tokenizer", missing));
        c.add(a("--corpus", "tokenizer", "--corpus", missing, "--out", dir.resolve("t.json").toString()));
        c.add(a("--vocab", "tokenizer", "--corpus", textFile, "--out", dir.resolve("t.json").toString(), "--vocab", "10"));
        c.add(a("--vocab", "tokenizer", "--corpus", textFile, "--out", dir.resolve("t.json").toString(), "--vocab", "-4096"));
        c.add(a("--out", "tokenizer", "--corpus", textFile, "--out", missing + "/t.json"));
        c.add(a("needs --corpus FILE and --out", "tokenizer", "--corpus", textFile));
        // corpus and pretrain (they fail before any long work starts)
        c.add(a("--facts", "corpus", "--facts", missing, "--out", dir.resolve("c").toString()));
        c.add(a("--repeats", "corpus", "--repeats", "-1", "--out", dir.resolve("c").toString()));
        c.add(a("--steps", "pretrain", "--steps", "-5", "--cache", dir.resolve("p").toString()));
        c.add(a("--steps", "pretrain", "--steps", "0", "--cache", dir.resolve("p").toString()));
        c.add(a("--anneal-steps", "pretrain", "--anneal-steps", "-1", "--cache", dir.resolve("p").toString()));
        c.add(a("--preset", "pretrain", "--preset", "huge", "--cache", dir.resolve("p").toString()));
        c.add(a("--checkpoint-every", "pretrain", "--checkpoint-every", "0", "--cache", dir.resolve("p").toString()));
        c.add(a("--cache", "pretrain", "--cache", textFile));
        c.add(a("--facts", "pretrain", "--facts", missing, "--cache", dir.resolve("p").toString()));
        // compare (fails before training)
        c.add(a("--steps", "compare", "-m", model, "--steps", "0"));
        c.add(a("--batch-size", "compare", "-m", model, "--batch-size", "-2"));
        c.add(a("--data", "compare", "-m", model, "--data", missing));
        c.add(a("nosuchmethod", "compare", "-m", model, "--methods", "lora,nosuchmethod"));
        c.add(a("--csv", "compare", "-m", model, "--csv", emptyFolder));
        c.add(a("--seeds", "compare", "-m", model, "--seeds", "0"));
        c.add(a("--results", "eval", "-m", model, "--results", emptyFolder));
        // train and chat
        String out = dir.resolve("trained").toString();
        c.add(a("--data", "train", "-m", model, "--out", out));
        c.add(a("--data", "train", "-m", model, "--data", missing, "--out", out));
        c.add(a("--task", "train", "-m", model, "--task", "poetry", "--data", textFile, "--out", out));
        c.add(a("--method", "train", "-m", model, "--method", "magic", "--data", textFile, "--out", out));
        c.add(a("--steps", "train", "-m", model, "--steps", "0", "--data", textFile, "--out", out));
        c.add(a("--batch-size", "train", "-m", model, "--batch-size", "-1", "--data", textFile, "--out", out));
        c.add(a("--lr", "train", "-m", model, "--lr", "-1", "--data", textFile, "--out", out));
        c.add(a("--over-length", "train", "-m", model, "--over-length", "maybe", "--data", textFile, "--out", out));
        c.add(a("--template", "train", "-m", model, "--template", "poem", "--data", textFile, "--out", out));
        c.add(a("--out", "train", "-m", model, "--data", textFile, "--out", textFile));
        c.add(a("--out", "train", "-m", model, "--data", textFile));
        c.add(a("line 1", "train", "-m", model, "--task", "instruct", "--data", textFile, "--out", out));
        c.add(a("--adapter", "chat", "-m", model, "--adapter", missing, "--prompt", "hi"));
        c.add(a("--prompt text is empty", "chat", "-m", model, "--prompt", " "));
        c.add(a("-n/--max-new-tokens", "chat", "-m", model, "-n", "0", "--prompt", "hi"));
        c.add(a("does not exist", "chat", "-m", missing, "--prompt", "hi"));
        // persona train and chat --persona (all fail before training)
        String personas = dir.resolve("p").toString();
        c.add(a("--persona NAME", "persona", "train", "-m", model, "--out", personas));
        c.add(a("not both", "persona", "train", "-m", model, "--persona", "bard", "--data", textFile, "--name", "x"));
        c.add(a("--persona must be haiku-chef, bard, museum-guide", "persona", "train", "-m", model, "--persona", "poet"));
        c.add(a("--name goes with --data", "persona", "train", "-m", model, "--persona", "bard", "--name", "x"));
        c.add(a("--data needs --name", "persona", "train", "-m", model, "--data", textFile));
        c.add(a("--data", "persona", "train", "-m", model, "--data", missing, "--name", "x"));
        c.add(a("--data", "persona", "train", "-m", model, "--data", emptyFolder, "--name", "x"));
        c.add(a("--name 'my poet'", "persona", "train", "-m", model, "--data", textFile, "--name", "my poet"));
        c.add(a("--name 'none'", "persona", "train", "-m", model, "--data", textFile, "--name", "none"));
        c.add(a("--name bard is one of the lab's personas", "persona", "train", "-m", model, "--data", textFile, "--name", "bard"));
        c.add(a("--steps", "persona", "train", "-m", model, "--persona", "bard", "--steps", "0", "--out", personas));
        c.add(a("--steps", "persona", "train", "-m", model, "--persona", "bard", "--steps", "lots", "--out", personas));
        c.add(a("--held-out", "persona", "train", "-m", model, "--persona", "bard", "--held-out", "-1", "--out", personas));
        c.add(a("--out", "persona", "train", "-m", model, "--persona", "bard", "--out", textFile));
        c.add(a("--replace", "persona", "train", "-m", model, "--persona", "bard", "--out", trainedPersonas));
        c.add(a("line 1", "persona", "train", "-m", model, "--data", textFile, "--name", "x", "--out", personas));
        c.add(a("response on this line", "persona", "train", "-m", model, "--data", longExamples, "--name", "x", "--out", personas));
        c.add(a("at least 10", "persona", "train", "--data", fewExamples, "--name", "x", "--out", personas));
        c.add(a("does not exist", "persona", "train", "-m", missing, "--persona", "bard", "--out", personas));
        c.add(a("Unmatched argument", "persona", "frobnicate"));
        c.add(a("--adapters goes with --persona", "chat", "-m", model, "--adapters", emptyFolder, "--prompt", "hi"));
        c.add(a("--persona and --adapter", "chat", "-m", model, "--persona", "bard", "--adapter", emptyFolder, "--prompt", "hi"));
        c.add(a("--template", "chat", "-m", model, "--persona", "bard", "--template", "chat", "--prompt", "hi"));
        c.add(a("--adapters", "chat", "-m", model, "--persona", "bard", "--adapters", missing, "--prompt", "hi"));
        c.add(a("--adapters", "chat", "-m", model, "--persona", "bard", "--adapters", textFile, "--prompt", "hi"));
        c.add(a("has no 'bard' adapter", "chat", "-m", model, "--persona", "bard", "--adapters", emptyFolder, "--prompt", "hi"));
        c.add(a("--persona poet: no such adapter", "chat", "-m", model, "--persona", "poet", "--prompt", "hi"));
        c.add(a("persona train --data FILE --name poet --out", "chat", "-m", model, "--persona", "poet", "--adapters", emptyFolder, "--prompt", "hi"));
        // study and results
        c.add(a("unknown study 'recipes'", "study", "recipes"));
        c.add(a("--seeds", "study", "instruct", "--seeds", "0"));
        c.add(a("--per-task", "study", "instruct", "--per-task", "21"));
        c.add(a("--prompts", "study", "preferences", "--prompts", "0"));
        c.add(a("--pair-steps", "study", "preferences", "--pair-steps", "0"));
        c.add(a("--csv", "study", "instruct", "--csv", emptyFolder));
        c.add(a("--steps", "study", "cost", "--steps", "0"));
        c.add(a("--steps", "study", "cost", "--steps", "2000000000"));
        c.add(a("unknown fine-tuning method 'nope'", "study", "cost", "--methods", "nope"));
        c.add(a("--data", "study", "cost", "--data", missing));
        c.add(a("--chart", "study", "cost", "--chart", emptyFolder));
        c.add(a("name a study", "study"));
        c.add(a("--lambdas", "study", "forgetting", "--lambdas", "-1"));
        c.add(a("--lambdas", "study", "forgetting", "--lambdas", "1e3,lots"));
        c.add(a("--eval-every", "study", "forgetting", "--steps", "5", "--eval-every", "6"));
        c.add(a("--probe-facts", "study", "forgetting", "--probe-facts", "-1"));
        c.add(a("--steps", "study", "forgetting", "--steps", "0"));
        c.add(a("--corpus", "study", "forgetting", "--corpus", missing));
        c.add(a("--chart", "study", "forgetting", "--chart", emptyFolder));
        c.add(a("no such file", "results", "--file", missing));
        // data
        c.add(a("unknown dataset 'recipes'", "data", "recipes", "--out", dir.resolve("d").toString()));
        c.add(a("--facts", "data", "instructions", "--facts", missing, "--out", dir.resolve("d").toString()));
        // bench, info, the command itself
        c.add(a("--out", "bench", "--smoke", "--no-python", "--out", emptyFolder));
        c.add(a("Unmatched argument", "info", "extra"));
        c.add(a("Unmatched argument", "frobnicate"));
        return c;
    }

    private static String[] a(String... expectedThenArgs) {
        return expectedThenArgs;
    }

    @Test
    void everyMistakeIsOneShortMessageAndAFailure() {
        List<String> problems = new ArrayList<>();
        for (String[] c : cases()) {
            String expected = c[0];
            String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
            String shown = String.join(" ", args).replace(dir.toString(), "TMP");
            CliRun r;
            try {
                r = CliRun.of(args);
            } catch (Throwable t) {
                problems.add(shown + "\n    threw " + t);
                continue;
            }
            String printed = r.out() + r.err();
            if (System.getenv("SHOW_MESSAGES") != null) {
                System.out.println("$ finetune " + shown + "\n" + printed.strip());
            }
            if (r.exitCode() == 0) {
                problems.add(shown + "\n    exit code 0 for an error: " + printed.strip());
            } else if (STACK_TRACE.matcher(printed).find()) {
                problems.add(shown + "\n    stack trace or exception name: " + printed.strip());
            } else if (!r.err().contains(expected)) {
                problems.add(shown + "\n    message does not name '" + expected + "': " + r.err().strip());
            } else if (r.err().strip().lines().count() > 3) {
                problems.add(shown + "\n    more than 3 lines: " + r.err().strip());
            }
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " of " + cases().size() + " cases went wrong:\n" + String.join("\n", problems));
        }
    }

    /** Through the real entry point, in a JVM of its own: exit code and stderr as a user sees them. */
    @Test
    void theRealCommandLineAnswersInOneLine() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Xmx256m", FinetuneCli.class.getName(),
                "generate", "-m", model, "-n", "2000000000", "Once upon a time");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String printed = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the command did not finish");
        assertEquals(1, p.exitValue(), printed);
        assertTrue(printed.contains("-n/--max-new-tokens must be between 0 and 100,000"), printed);
        assertTrue(!STACK_TRACE.matcher(printed).find(), printed);
    }
}
