package org.finetunelab.train;

import org.finetunelab.text.JsonlDataset;
import org.finetunelab.text.Tokenizer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Texts in, training data out: the texts are split into a training part and a held-out part, each part
 * becomes one stream of tokens with the end-of-text token after every text, the training stream is cut into
 * random windows and the held-out stream into fixed windows that cover all of it.
 * <pre>{@code
 * TextData data = TextData.fromFile(lm.tokenizer(), Path.of("my-sentences.txt"))
 *         .heldOutShare(0.2).batchSize(8).windowLength(32).seed(42).build();
 * Trainer trainer = Trainer.builder(lm.model()).config(config).data(data).build();
 * }</pre>
 * The held-out part is chosen explicitly: {@code heldOutShare(0.2)} (a seeded random fifth of the texts),
 * {@code heldOutTexts(list)} (a split you already have) or {@code noHeldOut()}.
 */
public final class TextData {
    private final List<String> trainTexts;
    private final List<String> heldOutTexts;
    private final int[] trainTokens;
    private final int[] heldOutTokens;
    private final TokenWindows train;
    private final List<Batch> validation;

    private TextData(Builder b, List<String> trainTexts, List<String> heldOutTexts) {
        this.trainTexts = List.copyOf(trainTexts);
        this.heldOutTexts = List.copyOf(heldOutTexts);
        this.trainTokens = stream(b.tokenizer, trainTexts);
        this.heldOutTokens = stream(b.tokenizer, heldOutTexts);
        if (trainTokens.length < b.windowLength + 2) {
            throw new IllegalArgumentException(b.source + ": the " + trainTexts.size() + " training texts make "
                    + trainTokens.length + " tokens, fewer than one window of " + (b.windowLength + 1)
                    + ": add text or choose a shorter windowLength.");
        }
        this.train = TokenWindows.builder(trainTokens).batchSize(b.batchSize).windowLength(b.windowLength).seed(b.seed).build();
        this.validation = heldOutTexts.isEmpty() ? List.of()
                : TokenWindows.covering(heldOutTokens, b.batchSize, b.windowLength);
    }

    /** Starts from texts in memory, one example each. */
    public static Builder fromTexts(Tokenizer tokenizer, List<String> texts) {
        return new Builder(tokenizer, "the texts", texts);
    }

    /**
     * Starts from a file: a {@code .txt} file holds one text per line (empty lines are skipped), a {@code .jsonl}
     * file one JSON object per line with a {@code "text"} field (for texts that span several lines).
     */
    public static Builder fromFile(Tokenizer tokenizer, Path file) throws IOException {
        return new Builder(tokenizer, file.toString(), readTexts(file));
    }

    static List<String> readTexts(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " does not exist (or is not a file).");
        }
        String name = file.getFileName().toString();
        if (name.endsWith(".jsonl")) {
            return JsonlDataset.load(file, List.of("text")).stringColumn("text").asList();
        }
        if (!name.endsWith(".txt")) {
            throw new IllegalArgumentException(file + ": expected a .txt file (one text per line) or a .jsonl file "
                    + "(a \"text\" field per line).");
        }
        List<String> texts = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                texts.add(line.strip());
            }
        }
        return texts;
    }

    /** The texts one after another, each followed by the end-of-text token, as one stream. */
    private static int[] stream(Tokenizer tokenizer, List<String> texts) {
        List<int[]> encoded = texts.stream().map(tokenizer::encode).toList();
        int total = encoded.stream().mapToInt(ids -> ids.length + 1).sum();
        int[] out = new int[total];
        int at = 0;
        for (int[] ids : encoded) {
            System.arraycopy(ids, 0, out, at, ids.length);
            at += ids.length;
            out[at++] = tokenizer.endOfTextId();
        }
        return out;
    }

    /** Random training windows, for the trainer. */
    public TokenWindows train() {
        return train;
    }

    /** Fixed windows over every held-out token (empty with {@code noHeldOut()}), for the trainer's validation loss. */
    public List<Batch> validation() {
        return validation;
    }

    public List<String> trainTexts() {
        return trainTexts;
    }

    public List<String> heldOutTexts() {
        return heldOutTexts;
    }

    /** The training stream: each text followed by the end-of-text token. */
    public int[] trainTokens() {
        return trainTokens.clone();
    }

    /** The held-out stream, e.g. for {@code Perplexity.of(model, data.heldOutTokens(), ...)}. */
    public int[] heldOutTokens() {
        return heldOutTokens.clone();
    }

    /** One line for a notebook. */
    @Override
    public String toString() {
        return String.format("%d training texts (%,d tokens), %d held out (%,d tokens); batches of %d windows of %d tokens",
                trainTexts.size(), trainTokens.length, heldOutTexts.size(), heldOutTokens.length,
                train.batchSize(), train.sequenceLength());
    }

    /** The choices of {@link TextData}, each by name; the held-out part must be chosen explicitly. */
    public static final class Builder {
        private final Tokenizer tokenizer;
        private final String source;
        private final List<String> texts;
        private Double heldOutShare;
        private List<String> heldOutTexts;
        private boolean noHeldOut;
        private int batchSize;
        private int windowLength;
        private long seed;

        private Builder(Tokenizer tokenizer, String source, List<String> texts) {
            this.tokenizer = tokenizer;
            this.source = source;
            this.texts = List.copyOf(texts);
            for (int i = 0; i < this.texts.size(); i++) {
                if (this.texts.get(i).isBlank()) {
                    throw new IllegalArgumentException(source + ": text " + (i + 1) + " is empty.");
                }
            }
        }

        /** Holds out this share of the texts (chosen at random with the seed) for validation, e.g. 0.2. */
        public Builder heldOutShare(double share) {
            if (!(share > 0 && share < 1)) {
                throw new IllegalArgumentException("heldOutShare must be between 0 and 1 (e.g. 0.2 for a fifth), got "
                        + share + "; for no held-out texts say noHeldOut().");
            }
            this.heldOutShare = share;
            return this;
        }

        /** Uses these texts as the held-out part (a split you already have); all texts given first train. */
        public Builder heldOutTexts(List<String> heldOut) {
            this.heldOutTexts = List.copyOf(heldOut);
            return this;
        }

        /** Trains on every text and measures no validation loss. */
        public Builder noHeldOut() {
            this.noHeldOut = true;
            return this;
        }

        /** Windows per training batch. */
        public Builder batchSize(int windows) {
            this.batchSize = windows;
            return this;
        }

        /** Tokens per window (at most the model's context length). */
        public Builder windowLength(int tokens) {
            this.windowLength = tokens;
            return this;
        }

        /** Chooses the held-out texts and the window positions. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public TextData build() {
            int choices = (heldOutShare != null ? 1 : 0) + (heldOutTexts != null ? 1 : 0) + (noHeldOut ? 1 : 0);
            if (choices != 1) {
                throw new IllegalArgumentException("say which texts are held out for validation, exactly once: "
                        + "heldOutShare(0.2), heldOutTexts(list) or noHeldOut().");
            }
            if (batchSize <= 0 || windowLength <= 0) {
                throw new IllegalArgumentException("set batchSize(...) and windowLength(...) to positive numbers, got "
                        + "batchSize " + batchSize + " and windowLength " + windowLength + ".");
            }
            if (texts.isEmpty()) {
                throw new IllegalArgumentException(source + " holds no texts.");
            }
            if (heldOutTexts != null || noHeldOut) {
                return new TextData(this, texts, noHeldOut ? List.of() : heldOutTexts);
            }
            int heldOut = (int) Math.round(texts.size() * heldOutShare);
            if (heldOut < 1 || heldOut >= texts.size()) {
                throw new IllegalArgumentException(source + ": holding out " + heldOutShare + " of " + texts.size()
                        + " texts leaves " + (heldOut < 1 ? "none held out" : "none to train on")
                        + "; write more texts or change heldOutShare.");
            }
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                order.add(i);
            }
            Collections.shuffle(order, new Random(seed));
            List<Integer> heldOutIndices = order.subList(0, heldOut);
            List<String> train = new ArrayList<>();
            List<String> held = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {   // both parts keep the order of the texts
                (heldOutIndices.contains(i) ? held : train).add(texts.get(i));
            }
            return new TextData(this, train, held);
        }
    }
}
