package org.finetunelab.notebook;

/**
 * A piece of HTML for a notebook cell. Its {@code toString()} is the HTML itself, so a cell that ends with
 * an {@code Html} value shows the rendered markup in the Java kernel.
 *
 * @param content the HTML markup
 */
public record Html(String content) {
    public Html {
        if (content == null) {
            throw new IllegalArgumentException("Html content is null: pass an empty string for an empty output.");
        }
    }

    @Override
    public String toString() {
        return content;
    }

    /** Escapes the characters that HTML gives a meaning to, so that data is shown as text. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
