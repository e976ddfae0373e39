package org.finetunelab.cli;

import java.nio.file.Path;

/** Where long-lived work (corpora, token files, checkpoints) is kept: outside the build folder, so a rebuild keeps it. */
final class CacheFolder {
    private CacheFolder() {
    }

    /** {@code --cache DIR} when given, else $FINETUNE_CACHE, else ~/.cache/finetune-lab. */
    static Path get(Path chosen) {
        if (chosen != null) {
            return chosen;
        }
        String env = System.getenv("FINETUNE_CACHE");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "finetune-lab");
    }

    static Path get() {
        return get(null);
    }

    /** The pretraining corpus (train.txt, valid.txt): where {@code corpus} writes it and {@code pretrain}, {@code eval} read it. */
    static Path corpus(Path chosenCache) {
        return get(chosenCache).resolve("corpus");
    }
}
