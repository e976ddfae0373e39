package org.finetunelab.cli;

import java.nio.file.Path;

/** Where long-lived work (corpora, token files, checkpoints) is kept: outside the build folder, so a rebuild keeps it. */
final class CacheFolder {
    private CacheFolder() {
    }

    static Path get() {
        String env = System.getenv("FINETUNE_CACHE");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "finetune-lab");
    }
}
