package org.finetunelab.text.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DictdFileTest {
    @TempDir
    Path dir;

    @Test
    void decodesBase64Numbers() {
        assertEquals(0, DictdFile.decodeBase64Number("A"));
        assertEquals(63, DictdFile.decodeBase64Number("/"));
        assertEquals(64, DictdFile.decodeBase64Number("BA"));
        assertEquals(3 * 64 + 2, DictdFile.decodeBase64Number("DC"));
    }

    @Test
    void readsEachArticleOnceSkippingTheDatabaseEntries() throws IOException {
        String info = "00-database-info\nabout\n";
        String apple = "Apple\n   A fruit.\n";
        String pear = "Pear\n   Another fruit.\n";
        String all = info + apple + pear;
        Path dict = dir.resolve("test.dict.dz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dict))) {
            out.write(all.getBytes(StandardCharsets.UTF_8));
        }
        int a = info.length();
        int p = a + apple.length();
        Path index = dir.resolve("test.index");
        Files.write(index, List.of(
                "00-database-info\tA\t" + b64(info.length()),
                "Apple\t" + b64(a) + "\t" + b64(apple.length()),
                "apples\t" + b64(a) + "\t" + b64(apple.length()),
                "Pear\t" + b64(p) + "\t" + b64(pear.length())));

        List<DictdFile.Article> articles = DictdFile.readArticles(index, dict);
        assertEquals(List.of(new DictdFile.Article("Apple", apple), new DictdFile.Article("Pear", pear)), articles);
    }

    private static String b64(int value) {
        String digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        StringBuilder s = new StringBuilder();
        do {
            s.insert(0, digits.charAt(value % 64));
            value /= 64;
        } while (value > 0);
        return s.toString();
    }
}
