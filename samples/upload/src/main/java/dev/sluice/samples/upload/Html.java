package dev.sluice.samples.upload;

/** HTML escaping for text placed in element content or in a quoted attribute value. */
final class Html {
    private Html() {
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A page in the samples' common layout around {@code body}. */
    static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n  <meta charset=\"utf-8\">\n"
                + "  <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "  <title>" + escape(title) + " · Sluice</title>\n"
                + "  <link rel=\"stylesheet\" href=\"sluice.css\">\n  <link rel=\"icon\" href=\"data:,\">\n"
                + "</head>\n<body>\n  <header class=\"site\">\n    <a class=\"brand\" href=\"/\">Sluice</a>\n"
                + "    <span class=\"where\">upload sample</span>\n  </header>\n  <main>\n" + body
                + "  </main>\n</body>\n</html>\n";
    }
}
