package dev.sluice.samples.guestbook;

import static dev.sluice.samples.guestbook.Html.escape;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Renders the guestbook's HTML. Pure functions of their arguments, so tests can check the markup and, above all,
 * that every piece of user input goes through {@link Html#escape}.
 */
final class Pages {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    /** HTML allows at most three fraction digits in a datetime; whole seconds are plenty. */
    private static final DateTimeFormatter MACHINE = DateTimeFormatter.ISO_INSTANT;

    private Pages() {
    }

    /**
     * The guestbook: the sign form (with the problems of a rejected submission, if any) and the entries.
     *
     * @param greeting the name this visitor's session remembers, or null
     */
    static String entries(String contextPath, List<Entry> entries, EntryForm form, String greeting) {
        StringBuilder body = new StringBuilder(2048);
        body.append("    <h1>Guestbook</h1>\n");
        if (greeting != null) {
            body.append("    <p class=\"lead\">Welcome back, ").append(escape(greeting))
                    .append(". Your session remembered your name.</p>\n");
        } else {
            body.append("    <p class=\"lead\">Leave a line for the next visitor. Entries live in memory ")
                    .append("until the webapp is undeployed.</p>\n");
        }
        appendForm(body, contextPath, form);
        body.append("    <h2 id=\"entries\">").append(count(entries.size())).append("</h2>\n");
        if (!entries.isEmpty()) {
            body.append("    <ol class=\"plain\" aria-labelledby=\"entries\">\n");
            for (Entry entry : entries) {
                appendEntry(body, entry);
            }
            body.append("    </ol>\n");
        }
        return layout(contextPath, "Guestbook", body);
    }

    /** A custom error page (declared in web.xml) for a status the container reports, 404 or 500. */
    static String error(String contextPath, int status, String requestUri) {
        StringBuilder body = new StringBuilder(512);
        String where = requestUri == null ? "this address" : "<code>" + escape(requestUri) + "</code>";
        if (status == 404) {
            body.append("    <h1>No such page</h1>\n")
                    .append("    <p class=\"lead\">The guestbook has nothing at ").append(where).append(".</p>\n");
        } else {
            body.append("    <h1>Something went wrong</h1>\n")
                    .append("    <p class=\"lead\">The guestbook failed while answering ").append(where)
                    .append(" (status ").append(status).append("). The error was logged on the server.</p>\n");
        }
        body.append("    <p><a href=\"").append(escape(contextPath)).append("/entries\">Back to the guestbook</a></p>\n");
        return layout(contextPath, status + " · Guestbook", body);
    }

    private static void appendForm(StringBuilder body, String contextPath, EntryForm form) {
        if (!form.isValid()) {
            body.append("    <div class=\"error\" role=\"alert\">\n      <p>Your entry was not saved:</p>\n      <ul>\n");
            for (String problem : form.problems()) {
                body.append("        <li>").append(escape(problem)).append("</li>\n");
            }
            body.append("      </ul>\n    </div>\n");
        }
        body.append("    <form method=\"post\" action=\"").append(escape(contextPath)).append("/entries\">\n")
                .append("      <label>Your name <span class=\"hint\">(up to ").append(EntryForm.MAX_NAME)
                .append(" characters)</span>\n")
                .append("        <input type=\"text\" name=\"name\" maxlength=\"").append(EntryForm.MAX_NAME)
                .append("\" required autocomplete=\"name\" value=\"").append(escape(form.name())).append("\">\n")
                .append("      </label>\n")
                .append("      <label>Message <span class=\"hint\">(up to ").append(EntryForm.MAX_MESSAGE)
                .append(" characters)</span>\n")
                .append("        <textarea name=\"message\" rows=\"3\" maxlength=\"").append(EntryForm.MAX_MESSAGE)
                .append("\" required>").append(escape(form.message())).append("</textarea>\n")
                .append("      </label>\n")
                .append("      <button type=\"submit\">Sign the guestbook</button>\n")
                .append("    </form>\n");
    }

    private static void appendEntry(StringBuilder body, Entry entry) {
        body.append("      <li class=\"card\" id=\"entry-").append(entry.id()).append("\">\n")
                .append("        <p class=\"meta\"><strong>").append(escape(entry.name())).append("</strong> · ")
                .append("<time datetime=\"")
                .append(MACHINE.format(entry.signedAt().truncatedTo(ChronoUnit.SECONDS))).append("\">")
                .append(SHOWN.format(entry.signedAt())).append("</time></p>\n")
                .append("        <p class=\"keep-lines\">").append(escape(entry.message())).append("</p>\n")
                .append("      </li>\n");
    }

    private static String count(int entries) {
        return entries == 0 ? "No entries yet" : entries == 1 ? "1 entry" : entries + " entries";
    }

    private static String layout(String contextPath, String title, CharSequence body) {
        String base = escape(contextPath);
        return "<!DOCTYPE html>\n"
                + "<html lang=\"en\">\n"
                + "<head>\n"
                + "  <meta charset=\"utf-8\">\n"
                + "  <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "  <title>" + escape(title) + " · Sluice</title>\n"
                + "  <link rel=\"stylesheet\" href=\"" + base + "/sluice.css\">\n"
                + "  <link rel=\"icon\" href=\"data:,\">\n"
                + "</head>\n"
                + "<body>\n"
                + "  <header class=\"site\">\n"
                + "    <a class=\"brand\" href=\"/\">Sluice</a>\n"
                + "    <a class=\"where\" href=\"" + base + "/\">guestbook sample</a>\n"
                + "  </header>\n"
                + "  <main>\n"
                + body
                + "  </main>\n"
                + "</body>\n"
                + "</html>\n";
    }
}
