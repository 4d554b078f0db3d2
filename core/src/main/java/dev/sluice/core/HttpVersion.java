package dev.sluice.core;

/** The HTTP versions Sluice speaks (RFC 9112 section 2.3). Any other well-formed version is answered with 505. */
public enum HttpVersion {
    HTTP_1_0("HTTP/1.0"),
    HTTP_1_1("HTTP/1.1"),
    /** HTTP/2 (RFC 9113): never parsed from a request line, set by the connector for a stream's request. */
    HTTP_2_0("HTTP/2.0");

    private final String text;

    HttpVersion(String text) {
        this.text = text;
    }

    /** The protocol as written on the wire, e.g. {@code HTTP/1.1}. */
    public String text() {
        return text;
    }

    /**
     * Parses {@code HTTP-version = "HTTP/" DIGIT "." DIGIT} (RFC 9112 section 2.3; "HTTP" is case-sensitive).
     * <ul>
     * <li>Malformed (lower case, missing digits, two-digit numbers, spaces): 400.</li>
     * <li>{@code HTTP/1.0}, {@code HTTP/1.1}: themselves.</li>
     * <li>{@code HTTP/1.2} to {@code HTTP/1.9}: HTTP/1.1, since a recipient handles a higher minor version of a
     *     major version it implements as the highest minor version it knows (RFC 9110 section 2.5).</li>
     * <li>Any other major version ({@code HTTP/0.9}, {@code HTTP/2.0}, {@code HTTP/3.0}): 505.</li>
     * </ul>
     *
     * @throws HttpException 400 when malformed, 505 when well-formed but not of major version 1
     */
    public static HttpVersion parse(CharSequence s) {
        if (s == null || s.length() != 8 || s.charAt(0) != 'H' || s.charAt(1) != 'T' || s.charAt(2) != 'T'
                || s.charAt(3) != 'P' || s.charAt(4) != '/' || s.charAt(6) != '.'
                || !isDigit(s.charAt(5)) || !isDigit(s.charAt(7))) {
            throw HttpException.badRequest("Malformed HTTP version");
        }
        if (s.charAt(5) != '1') {
            throw new HttpException(Status.HTTP_VERSION_NOT_SUPPORTED, "HTTP version not supported");
        }
        return s.charAt(7) == '0' ? HTTP_1_0 : HTTP_1_1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    @Override
    public String toString() {
        return text;
    }
}
