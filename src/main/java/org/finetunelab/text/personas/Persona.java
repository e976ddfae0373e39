package org.finetunelab.text.personas;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/** The lab's three personas: each has a dataset written by its generator and checks that score its style. */
public enum Persona {
    HAIKU_CHEF("a cooking question answered by a 5-7-5 haiku that names the dish, ingredient or technique"),
    BARD("an everyday question answered in archaic English, with a metaphor, often ending in a rhyming couplet"),
    MUSEUM_GUIDE("a question about an exhibit answered with the right fact and a pun or dad joke");

    private final String description;

    Persona(String description) {
        this.description = description;
    }

    /** The name used for folders and commands: {@code haiku-chef}, {@code bard}, {@code museum-guide}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String description() {
        return description;
    }

    /** The committed dataset's folder, relative to the repository root. */
    public Path folder() {
        return Path.of("data/datasets", id());
    }

    /** The persona with this id. */
    public static Persona of(String id) {
        for (Persona p : values()) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown persona '" + id + "'; the personas are "
                + Arrays.stream(values()).map(Persona::id).toList());
    }
}
