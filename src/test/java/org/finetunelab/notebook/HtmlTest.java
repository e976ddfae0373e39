package org.finetunelab.notebook;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HtmlTest {
    @Test
    void toStringIsTheMarkupSoTheKernelRendersIt() {
        assertEquals("<b>hi</b>", new Html("<b>hi</b>").toString());
    }

    @Test
    void escapeKeepsDataFromBecomingMarkup() {
        assertEquals("&lt;eos&gt; &amp; &quot;a&quot; &#39;b&#39;", Html.escape("<eos> & \"a\" 'b'"));
    }

    @Test
    void nullContentIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Html(null));
    }
}
