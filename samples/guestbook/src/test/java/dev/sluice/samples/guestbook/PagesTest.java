package dev.sluice.samples.guestbook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PagesTest {
    private static final String EVIL = "<script>alert('x')</script>";
    private static final String EVIL_ESCAPED = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;";
    private static final Instant AT = Instant.parse("2026-11-26T13:05:00.123456789Z");

    @Test
    void entriesAreEscapedAndDated() {
        List<Entry> entries = List.of(new Entry(2, EVIL, "line one\n" + EVIL, AT), new Entry(1, "Ann", "hi", AT));
        String html = Pages.entries("/guestbook", entries, EntryForm.blank(null), null);
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("<strong>" + EVIL_ESCAPED + "</strong>"), html);
        assertTrue(html.contains("<p class=\"keep-lines\">line one\n" + EVIL_ESCAPED + "</p>"), html);
        assertTrue(html.contains("<time datetime=\"2026-11-26T13:05:00Z\">2026-11-26 13:05 UTC</time>"), html);
        assertTrue(html.contains("<h2 id=\"entries\">2 entries</h2>"), html);
        assertTrue(html.contains("<form method=\"post\" action=\"/guestbook/entries\">"), html);
        assertTrue(html.contains("href=\"/guestbook/sluice.css\""), html);
    }

    @Test
    void rejectedFormIsShownAgainEscapedWithItsProblems() {
        EntryForm form = EntryForm.of("\"><b>x", "");
        String html = Pages.entries("/guestbook", List.of(), form, null);
        assertTrue(html.contains("value=\"&quot;&gt;&lt;b&gt;x\""), html);
        assertTrue(html.contains("<li>message is required</li>"), html);
        assertTrue(html.contains("<h2 id=\"entries\">No entries yet</h2>"), html);
        assertFalse(html.contains("<b>x"), html);
    }

    @Test
    void greetingUsesTheRememberedNameEscaped() {
        String html = Pages.entries("/guestbook", List.of(), EntryForm.blank(EVIL), EVIL);
        assertTrue(html.contains("Welcome back, " + EVIL_ESCAPED + "."), html);
        assertTrue(html.contains("value=\"" + EVIL_ESCAPED + "\""), html);
        assertFalse(html.contains("<script>"), html);
    }

    @Test
    void errorPagesEscapeTheRequestedUri() {
        String notFound = Pages.error("/guestbook", 404, "/guestbook/" + EVIL);
        assertTrue(notFound.contains("<h1>No such page</h1>"), notFound);
        assertTrue(notFound.contains("<code>/guestbook/" + EVIL_ESCAPED + "</code>"), notFound);
        assertFalse(notFound.contains("<script>"), notFound);

        String failed = Pages.error("/guestbook", 500, "/guestbook/fail");
        assertTrue(failed.contains("<h1>Something went wrong</h1>"), failed);
        assertTrue(failed.contains("(status 500)"), failed);
    }
}
