package org.finetunelab.experiments;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import org.finetunelab.io.AtomicFiles;
import org.finetunelab.model.GenerationConfig;
import org.finetunelab.model.LanguageModel;
import org.finetunelab.peft.AdapterSet;
import org.finetunelab.text.personas.Persona;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Persona adapters on one base model: the base is held once, each persona adds its LoRA weights beside it, and each
 * question is answered with its persona's adapter switched on ({@link AdapterSet} underneath).
 * <pre>{@code
 * var personas = PersonaAdapters.loadAll(lm, Path.of("runs/personas"));
 * personas.answer("haiku-chef", "How do I roast garlic?");
 * personas.answer("bard", "How do I roast garlic?");
 * personas.answer(AdapterSet.NONE, "How do I roast garlic?");    // the base model
 * }</pre>
 * On disk, one folder per persona under a common folder, each a saved LoRA adapter ({@code method.json},
 * {@code method.safetensors}: {@code finetune chat --adapter} reads it too) plus {@value #CARD}, which records how it
 * was trained and how long its answers may get.
 */
public final class PersonaAdapters {
    public static final String CARD = "persona.json";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    /**
     * What {@value #CARD} holds.
     *
     * @param name         the adapter's name and folder: a persona's id or your own
     * @param template     the prompt template it learnt ({@code chat})
     * @param answerTokens how long its answers may get
     * @param recipe       how it was trained
     * @param stepsDone    optimizer steps it was trained for
     * @param finalLoss    the training loss of its last step
     */
    public record Card(String name, String template, int answerTokens, PersonaTuning.Recipe recipe, long stepsDone,
                       double finalLoss) {
    }

    private final LanguageModel lm;
    private final AdapterSet set;
    private final Map<String, Card> cards = new LinkedHashMap<>();

    private PersonaAdapters(LanguageModel lm) {
        this.lm = lm;
        this.set = new AdapterSet(lm);
    }

    /** Writes {@code folder/NAME} at once, replacing an older one (a crash leaves the old or the new, never half). */
    static Path save(PersonaTuning.Trained trained, Path folder) throws IOException {
        Path target = folder.resolve(trained.name());
        Card card = new Card(trained.name(), PersonaTuning.TEMPLATE.name(), trained.answerTokens(), trained.recipe(),
                trained.result().stepsDone(), trained.result().finalTrainLoss());
        AtomicFiles.writeDirectory(target, tmp -> {
            // The adapter saves itself as a folder; its files move up beside the card.
            Path adapter = tmp.resolve("adapter");
            trained.adapter().save(adapter);
            try (Stream<Path> files = Files.list(adapter)) {
                for (Path f : files.toList()) {
                    Files.move(f, tmp.resolve(f.getFileName()));
                }
            }
            Files.delete(adapter);
            Files.writeString(tmp.resolve(CARD), GSON.toJson(card) + "\n", StandardCharsets.UTF_8);
        });
        return target;
    }

    /** Every persona saved under {@code folder} (each folder with a {@value #CARD}), in name order. */
    public static PersonaAdapters loadAll(LanguageModel base, Path folder) throws IOException {
        List<String> names = saved(folder);
        if (names.isEmpty()) {
            throw new IllegalArgumentException(folder + " holds no persona adapters (folders with " + CARD + "): train one "
                    + "with PersonaTuning.train and save it with PersonaTuning.save, or ./lab finetune persona train");
        }
        return load(base, folder, names);
    }

    /** The named personas saved under {@code folder}. */
    public static PersonaAdapters load(LanguageModel base, Path folder, List<String> names) throws IOException {
        PersonaAdapters out = new PersonaAdapters(base);
        for (String name : names) {
            Card card = readCard(folder, name);
            out.set.load(name, AtomicFiles.resolveDirectory(folder.resolve(name)));
            out.cards.put(name, card);
        }
        return out;
    }

    /** The names of the personas saved under {@code folder}, sorted; none when the folder does not exist. */
    public static List<String> saved(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path p : entries.sorted().toList()) {
                String name = p.getFileName().toString();
                // NAME.old is the previous version during a save: it counts only when NAME itself is missing.
                String shown = name.endsWith(".old") ? name.substring(0, name.length() - 4) : name;
                if (!name.startsWith(".") && Files.isRegularFile(p.resolve(CARD)) && !out.contains(shown)) {
                    out.add(shown);
                }
            }
        }
        return out;
    }

    /** The card of a saved persona; the message names the folder when there is none. */
    public static Card readCard(Path folder, String name) throws IOException {
        Path file = folder.resolve(name).resolve(CARD);
        Path resolved = Files.isRegularFile(file) ? file : AtomicFiles.oldFolderOf(folder.resolve(name)).resolve(CARD);
        if (!Files.isRegularFile(resolved)) {
            throw new IllegalArgumentException(folder + " has no persona '" + name + "' (no " + folder.resolve(name)
                    + "/" + CARD + ")");
        }
        try {
            Card card = GSON.fromJson(Files.readString(resolved, StandardCharsets.UTF_8), Card.class);
            if (card == null || card.answerTokens() <= 0 || !PersonaTuning.TEMPLATE.name().equals(card.template())) {
                throw new IllegalArgumentException(resolved + ": needs \"answerTokens\" above 0 and \"template\": \"chat\"");
            }
            return card;
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(resolved + " is not valid JSON: " + e.getMessage());
        }
    }

    /** The loaded personas' names. */
    public Set<String> names() {
        return Collections.unmodifiableSet(cards.keySet());
    }

    public Card card(String name) {
        Card card = cards.get(name);
        if (card == null) {
            throw new IllegalArgumentException("no persona '" + name + "' loaded; there are " + cards.keySet()
                    + " (and '" + AdapterSet.NONE + "' for the base model)");
        }
        return card;
    }

    /** The adapters themselves, to switch or combine by hand. */
    public AdapterSet adapters() {
        return set;
    }

    /** The answer of persona {@code name} ({@value AdapterSet#NONE}: the base model) to {@code question}. */
    public String answer(String name, String question) {
        return answer(name, question, null);
    }

    public String answer(Persona persona, String question) {
        return answer(persona.id(), question);
    }

    /** The same, handing each piece of the answer to {@code onText} as it is written (null: nothing). */
    public String answer(String name, String question, Consumer<String> onText) {
        return answer(name, question, PersonaTuning.answering(answerTokens(name)), onText);
    }

    /** The same with generation settings of your own (sampling, another length); mind the stop strings. */
    public String answer(String name, String question, GenerationConfig config, Consumer<String> onText) {
        set.activate(name);
        return lm.generate(PersonaTuning.TEMPLATE.prompt(question, null), config, onText).strip();
    }

    /** How long {@code name}'s answers may get; for the base model, the longest of the loaded personas'. */
    public int answerTokens(String name) {
        return name.equals(AdapterSet.NONE)
                ? cards.values().stream().mapToInt(Card::answerTokens).max().orElse(64) : card(name).answerTokens();
    }
}
