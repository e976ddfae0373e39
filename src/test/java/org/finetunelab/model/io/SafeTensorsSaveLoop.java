package org.finetunelab.model.io;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.nio.file.Path;
import java.util.Map;

/**
 * Child process for {@link AtomicSaveKillTest}: saves version 1, 2, 3, ... of a large file over and over
 * until it is killed. Every tensor of version v holds the value v, and the metadata says v, so a reader
 * can tell a complete version from a mixture. Prints "saved v" after each save.
 */
public final class SafeTensorsSaveLoop {
    static final long ELEMENTS = 4L << 20; // 16 MB of F32 per tensor, two tensors

    private SafeTensorsSaveLoop() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        int firstVersion = Integer.parseInt(args[1]);
        for (int version = firstVersion; ; version++) {
            try (NDManager manager = NDManager.newBaseManager()) {
                NDArray a = manager.full(new Shape(ELEMENTS), (float) version);
                NDArray b = manager.full(new Shape(ELEMENTS / 2, 2), (float) version);
                SafeTensors.write(target, Map.of("a", a, "b", b), Map.of("version", Integer.toString(version)));
            }
            System.out.println("saved " + version);
            System.out.flush();
        }
    }
}
