package dev.sluice.samples.guestbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HtmlTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "plain text                     | plain text",
            "<script>alert(1)</script>      | &lt;script&gt;alert(1)&lt;/script&gt;",
            "Tom & Jerry                    | Tom &amp; Jerry",
            "`\"quoted\"`                   | &quot;quoted&quot;",
            "it's                           | it&#39;s",
            "`\" onmouseover=\"x`           | &quot; onmouseover=&quot;x",
            "&amp; stays visible            | &amp;amp; stays visible",
            "héllo wörld ✓                  | héllo wörld ✓",
    })
    void escapesTheFiveSpecialCharacters(String input, String expected) {
        assertEquals(expected, Html.escape(input));
    }

    @Test
    void nullBecomesEmpty() {
        assertEquals("", Html.escape(null));
    }

    @Test
    void textWithoutSpecialCharactersIsReturnedAsIs() {
        String text = "nothing to escape";
        assertSame(text, Html.escape(text));
    }
}
