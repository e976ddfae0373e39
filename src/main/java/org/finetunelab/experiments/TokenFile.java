package org.finetunelab.experiments;

import org.finetunelab.io.AtomicFiles;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** A token stream on disk: 32-bit little-endian ids, one after another. Encoding a corpus once saves minutes. */
public final class TokenFile {
    private TokenFile() {
    }

    public static void write(Path file, int[] tokens) throws IOException {
        AtomicFiles.write(file, out -> {
            ByteBuffer buf = ByteBuffer.allocate(4 * 65536).order(ByteOrder.LITTLE_ENDIAN);
            DataOutputStream data = new DataOutputStream(out);
            for (int i = 0; i < tokens.length; i++) {
                buf.putInt(tokens[i]);
                if (!buf.hasRemaining() || i == tokens.length - 1) {
                    data.write(buf.array(), 0, buf.position());
                    buf.clear();
                }
            }
            data.flush();
        });
    }

    public static int[] read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length % 4 != 0) {
            throw new IOException(file + " has " + bytes.length + " bytes, not a whole number of 4-byte token ids: "
                    + "the file is damaged; delete it to re-encode the corpus.");
        }
        int[] tokens = new int[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(tokens);
        return tokens;
    }
}
