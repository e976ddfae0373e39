package org.finetunelab.text.corpus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A source stored as a dictd dictionary (an index and a dictzip'ed data file, see {@link DictdFile}): each
 * article becomes one document. Subclasses only say how to clean one article of their format.
 */
abstract class DictdSource implements CorpusSource {
    private final String name;
    private final String debianPackage;
    private final Path index;
    private final Path dict;

    DictdSource(String name, String debianPackage, Path index, Path dict) {
        this.name = name;
        this.debianPackage = debianPackage;
        this.index = index;
        this.dict = dict;
    }

    /** Where Debian installs the files of dictionary {@code base}: {@code /usr/share/dictd/BASE.index}, {@code .dict.dz}. */
    static Path installed(String base, String extension) {
        return Path.of("/usr/share/dictd/" + base + extension);
    }

    /** One raw article to plain text, or empty when nothing readable is left. */
    abstract Optional<String> articleText(String rawArticle);

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String debianPackage() {
        return debianPackage;
    }

    @Override
    public final List<Path> inputFiles() {
        return List.of(index, dict);
    }

    @Override
    public final void read(Consumer<Document> sink) throws IOException {
        for (DictdFile.Article article : DictdFile.readArticles(index, dict)) {
            articleText(article.text()).ifPresent(text -> sink.accept(new Document(name, text)));
        }
    }
}
