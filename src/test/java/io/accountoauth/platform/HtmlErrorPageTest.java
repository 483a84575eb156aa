package io.accountoauth.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Checks that the HTML error page escapes every value it shows, so a message cannot inject markup. */
class HtmlErrorPageTest {

    @Test
    void whenEscapedThenEveryHtmlSpecialCharacterReplaced() {
        assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
                HtmlErrorPage.escape("<a href=\"x\" title='y'>&</a>"));
    }

    @Test
    void whenEscapedThenAlreadyEscapedTextIsEscapedAgain() {
        assertEquals("&amp;lt;script&amp;gt;", HtmlErrorPage.escape("&lt;script&gt;"));
    }

    @Test
    void whenEscapedThenPlainTextUnchanged() {
        assertEquals("The redirect_uri is not registered: http://evil.com/?a=1",
                HtmlErrorPage.escape("The redirect_uri is not registered: http://evil.com/?a=1"));
    }

    @Test
    void whenNullEscapedThenEmpty() {
        assertEquals("", HtmlErrorPage.escape(null));
    }

    @Test
    void whenMessageHoldsScriptThenPageHoldsNoRawScript() {
        String page = HtmlErrorPage.render(400, "Bad <script>alert(1)</script> request",
                "redirect_uri <script>alert(document.cookie)</script> is not registered", "/ctx");

        assertFalse(page.toLowerCase().contains("<script"), page);
        assertTrue(page.contains("redirect_uri &lt;script&gt;alert(document.cookie)&lt;/script&gt; is not registered"),
                page);
    }

    @Test
    void whenContextPathBreaksOutOfAttributeThenEscaped() {
        String page = HtmlErrorPage.render(400, "Bad request", "message", "\"><script>alert(1)</script><a x=\"");

        assertFalse(page.toLowerCase().contains("<script"), page);
        assertTrue(page.contains("href=\"&quot;&gt;&lt;script&gt;"), page);
    }

    @Test
    void whenRenderedThenStatusTitleAndMessageShown() {
        String page = HtmlErrorPage.render(404, "Not found", "No such page.", "");

        assertTrue(page.contains("data-status=\"404\""), page);
        assertTrue(page.contains("<h1>Not found</h1>"), page);
        assertTrue(page.contains("<p class=\"message\">No such page.</p>"), page);
    }
}
