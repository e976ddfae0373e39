package org.finetunelab.text.corpus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GNU Collaborative International Dictionary of English (Webster's 1913 plus later additions), read
 * from its dictd files. Each article becomes one document such as
 * {@code "Wheel (noun): A circular frame turning about an axis; ..."} followed by one line per further
 * sense, note or quotation.
 *
 * <p>What is removed and why: the headword line's pronunciation ({@code \Wheel\ (hw[=e]l)}) and
 * etymology ({@code [OE. wheel, ...]}) are letter soup for a small model; source tags such as
 * {@code [1913 Webster]}, usage labels ({@code [Obs.]}), field labels ({@code (Naut.)}), quotation
 * attributions ({@code --Milton.}), "See ..." cross-references and synonym lists carry no sentences.
 * Cross-reference braces are unwrapped ({@code {Cycle}} becomes {@code Cycle}) and accent codes become
 * letters ({@code caf['e]} becomes {@code café}).
 */
public final class GcideSource extends DictdSource {

    private static final Map<String, String> ACCENTS = Map.ofEntries(
            Map.entry("['a]", "á"), Map.entry("['e]", "é"), Map.entry("['i]", "í"), Map.entry("['o]", "ó"),
            Map.entry("['u]", "ú"), Map.entry("['E]", "É"), Map.entry("[`a]", "à"), Map.entry("[`e]", "è"),
            Map.entry("[`u]", "ù"), Map.entry("[^a]", "â"), Map.entry("[^e]", "ê"), Map.entry("[^i]", "î"),
            Map.entry("[^o]", "ô"), Map.entry("[^u]", "û"), Map.entry("[\"a]", "ä"), Map.entry("[\"e]", "ë"),
            Map.entry("[\"i]", "ï"), Map.entry("[\"o]", "ö"), Map.entry("[\"u]", "ü"), Map.entry("[~n]", "ñ"),
            Map.entry("[~a]", "ã"), Map.entry("[~o]", "õ"), Map.entry("[,c]", "ç"), Map.entry("[ae]", "æ"),
            Map.entry("[AE]", "Æ"), Map.entry("[oe]", "œ"), Map.entry("[OE]", "Œ"), Map.entry("[deg]", "°"),
            Map.entry("[sect]", "§"), Map.entry("[imac]", "i"), Map.entry("[root]", ""),
            Map.entry("[flat]", " flat"), Map.entry("[sharp]", " sharp"), Map.entry("[eth]", "th"), Map.entry("[th]", "th"));
    /** Pronunciation codes such as [=a], [a^], [.a], [-o]: a letter with a mark; keep the letter. */
    private static final Pattern MARKED_LETTER =
            Pattern.compile("\\[(?:[=.\\-~^*`'\"]([a-z]{1,2})|([a-z]{1,2})[=.\\-~^*])]");
    /** Bracketed labels that are editorial, not words of the sentence. */
    private static final Set<String> LABELS = Set.of("Obs", "R", "Cant", "Low", "Rare", "Law", "Colloq", "Slang",
            "Prov", "Local", "Archaic", "Poetic", "Scot", "India", "Written", "Vulgar", "Humorous");
    private static final Pattern INNER_BRACKET = Pattern.compile("\\[([^\\[\\]]*)]");
    private static final Pattern INSERTED_WORDS = Pattern.compile("[A-Za-z]+(?: [a-z]+){0,2}");
    private static final Pattern FIELD_LABEL = Pattern.compile("\\s*\\((?:[A-Z][a-z]{0,14}\\.?(?: & | )?){1,3}\\)");
    private static final Pattern ATTRIBUTION = Pattern.compile("\\s*--(?=[A-Z]|\\d [A-Z]).*$");
    /** A header line that wrapped: more headwords in backslashes, a pronunciation, or a bare part of speech. */
    private static final Pattern HEADER_CONTINUATION = Pattern.compile("^(?:.*\\\\[^\\\\]+\\\\.*"
            + "|\\s*\\([^)]*[*`\\[][^)]*\\).*"
            + "|\\s*(?:(?:n|v|t|i|a|adv|adj|pl|p|pr|imp|prep|conj|interj|pron)\\.\\s*(?:&\\s*)?)+(?:\\[.*)?)$");
    /** A derived form run on at the end of a sense: "-- Ex*haust"ing, adv." */
    private static final Pattern RUN_ON_FORM = Pattern.compile(
            "\\s*--\\s*[A-Za-z]+(?:[*\"`][A-Za-z]+)+[^.;]*?,\\s*(?:[a-z]{1,6}\\.\\s*)+");
    /** A pronunciation inside the body: "(an`ji*o*sper"ma*tus)". */
    private static final Pattern BODY_PRONUNCIATION = Pattern.compile("\\s*\\([^()]*[a-z][*\"`][a-z][^()]*\\)");
    /** Syllable and stress marks inside a word: Ex*haust"ing. */
    private static final Pattern STRESS_MARKED_WORD = Pattern.compile("[A-Za-z]+(?:[*\"`][A-Za-z]+)+");
    /** "See Cuneiform, n., 2." - runs to the end of the sentence, across abbreviations such as "n.,". */
    private static final Pattern CROSS_REFERENCE = Pattern.compile(
            "(?:^|(?<=[.;:] ))(?:See|Cf\\.|Compare) (?:[^.]|\\.(?=\\s*[,;\\d(a-z]))*(?:\\.|$)");
    private static final Pattern SENSE_NUMBER = Pattern.compile("^(?:\\d+\\.|\\([a-z]\\))\\s+");
    private static final Pattern PARAGRAPH_START = Pattern.compile("^\\s*(?:\\d+\\.\\s|\\([a-z]\\)\\s|Note:|Usage:|Syn:)");
    /** A source tag on its own line; in a few articles a stray word follows it. */
    private static final Pattern TAG_LINE = Pattern.compile("^\\s*\\[[^\\]]*]\\s*\\S*\\s*$");
    private static final Pattern POS_AT_END = Pattern.compile(
            "(?:^|[\\s,])((?:(?:n|v|t|i|a|adv|adj|prep|conj|interj|pron|p|pl|imp|pr|vb)\\.\\s*(?:&\\s*)?)+)$");

    /** Reads the files installed by {@code dict-gcide}. */
    public GcideSource() {
        this(installed("gcide", ".index"), installed("gcide", ".dict.dz"));
    }

    public GcideSource(Path index, Path dict) {
        super("gcide", "dict-gcide", index, dict);
    }

    @Override
    Optional<String> articleText(String rawArticle) {
        return cleanArticle(rawArticle);
    }

    /** One raw dictd article to plain text, or empty when nothing readable is left. */
    static Optional<String> cleanArticle(String raw) {
        String text = raw.replace("\r", "");
        int headerEnd = headerEnd(text);
        String header = text.substring(0, headerEnd);
        List<String> paragraphs = new ArrayList<>();
        for (String paragraph : paragraphs(text.substring(headerEnd))) {
            String cleaned = cleanParagraph(paragraph);
            if (letterCount(cleaned) >= 12) {
                paragraphs.add(cleaned);
            }
        }
        if (paragraphs.isEmpty()) {
            return Optional.empty();
        }
        paragraphs.set(0, PartOfSpeech.label(headword(header), partOfSpeech(header)) + paragraphs.get(0));
        return Optional.of(String.join("\n", paragraphs));
    }

    /**
     * The header is the headword line plus the lines it wraps onto: it ends at the first line break where
     * every '[' and every backslash pronunciation has been closed and the next line does not go on with more
     * headwords, a pronunciation or a part of speech.
     */
    static int headerEnd(String text) {
        int depth = 0;
        int backslashes = 0;
        int lines = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == '\\') {
                backslashes++;
            } else if (c == '\n') {
                lines++;
                if (lines > 12) {
                    return Math.max(0, text.indexOf('\n'));
                }
                boolean open = depth > 0 || backslashes % 2 == 1;
                if (!open && !HEADER_CONTINUATION.matcher(nextLine(text, i + 1)).matches()) {
                    return i;
                }
            }
        }
        return text.length();
    }

    private static String nextLine(String text, int start) {
        int end = text.indexOf('\n', start);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    static String headword(String header) {
        int cut = header.indexOf(" \\");
        String word = cut >= 0 ? header.substring(0, cut) : header.split("[,\\s]", 2)[0];
        return replaceAccents(word).trim();
    }

    static String partOfSpeech(String header) {
        String rest = removeBracketGroups(header)
                .replaceAll("\\\\[^\\\\]*\\\\", " ")
                .replaceAll("\\([^()]*\\)", " ")
                .replaceAll("\\s+", " ").trim();
        Matcher m = POS_AT_END.matcher(rest);
        return m.find() ? m.group(1).trim() : "";
    }

    /** Splits the body into paragraphs: at blank lines, at source tags, and where a new sense begins. */
    static List<String> paragraphs(String body) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : body.split("\n")) {
            boolean breakHere = line.isBlank() || TAG_LINE.matcher(line).matches();
            boolean startsNew = PARAGRAPH_START.matcher(line).find();
            if ((breakHere || startsNew) && current.length() > 0) {
                result.add(current.toString());
                current.setLength(0);
            }
            if (!breakHere) {
                TextNormalizer.appendWrapped(current, line);
            }
        }
        if (current.length() > 0) {
            result.add(current.toString());
        }
        return result;
    }

    static String cleanParagraph(String paragraph) {
        String p = paragraph.replaceAll("\\s+", " ").trim();
        if (p.startsWith("Syn:") || p.startsWith("Syn.")) {
            return "";
        }
        p = p.replaceFirst("^(?:Note|Usage):\\s*", "");
        p = SENSE_NUMBER.matcher(p).replaceFirst("");
        p = p.replace("Fig.: ", "");
        p = replaceAccents(p);
        p = unwrapOrDropBrackets(p);
        p = p.replace("{", "").replace("}", "");
        p = FIELD_LABEL.matcher(p).replaceAll("");
        p = ATTRIBUTION.matcher(p).replaceAll("");
        p = CROSS_REFERENCE.matcher(p).replaceAll("");
        p = RUN_ON_FORM.matcher(p).replaceAll("");
        p = BODY_PRONUNCIATION.matcher(p).replaceAll("");
        p = STRESS_MARKED_WORD.matcher(p).replaceAll(m -> m.group().replaceAll("[*\"`]", ""));
        return tidy(p);
    }

    static String replaceAccents(String text) {
        if (text.indexOf('[') < 0) {
            return text;
        }
        String result = text;
        for (Map.Entry<String, String> accent : ACCENTS.entrySet()) {
            result = result.replace(accent.getKey(), accent.getValue());
        }
        return MARKED_LETTER.matcher(result).replaceAll(m -> m.group(1) != null ? m.group(1) : m.group(2));
    }

    /** "[He] throws" keeps the inserted word; "[Obs.]", "[1913 Webster]" and etymologies go. */
    static String unwrapOrDropBrackets(String text) {
        String previous;
        String current = text;
        do {
            previous = current;
            Matcher m = INNER_BRACKET.matcher(current);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String inside = m.group(1).trim();
                String firstWord = inside.split(" ", 2)[0];
                boolean keep = INSERTED_WORDS.matcher(inside).matches() && !LABELS.contains(firstWord)
                        && !(firstWord.length() > 1 && firstWord.equals(firstWord.toUpperCase()));
                m.appendReplacement(out, Matcher.quoteReplacement(keep ? inside : " "));
            }
            m.appendTail(out);
            current = out.toString();
        } while (!current.equals(previous));
        return current;
    }

    private static String removeBracketGroups(String text) {
        String previous;
        String current = text;
        do {
            previous = current;
            current = INNER_BRACKET.matcher(current).replaceAll(" ");
        } while (!current.equals(previous));
        return current;
    }

    /** Repairs the spacing and punctuation left behind by the removals. */
    static String tidy(String text) {
        return text.replaceAll("\\(\\s*\\)", " ")
                .replaceAll("\\s+", " ")
                .replaceAll(" ([,.;:!?])", "$1")
                .replaceAll("([,;:])(?:\\s*[,;:])+", "$1")
                .replaceAll("^[\\s,;:.]+", "")
                .replaceAll("[\\s,;:]+$", "")
                .trim();
    }

    static int letterCount(String text) {
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetter(text.charAt(i))) {
                letters++;
            }
        }
        return letters;
    }
}
