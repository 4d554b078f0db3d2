package dev.sluice.servlet.internal.http;

/** Text placed into HTML the container writes (error pages, directory listings). */
public final class HtmlText {
    private HtmlText() {
    }

    /** {@code s} with the five characters that HTML gives meaning to written as character references. */
    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
