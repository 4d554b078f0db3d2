package dev.sluice.core;

/** The HTTP versions Sluice speaks (RFC 9112 section 2.3). Any other well-formed version is answered with 505. */
public enum HttpVersion {
    HTTP_1_0("HTTP/1.0"),
    HTTP_1_1("HTTP/1.1");

    private final String text;

    HttpVersion(String text) {
        this.text = text;
    }

    /** The protocol as written on the wire, e.g. {@code HTTP/1.1}. */
    public String text() {
        return text;
    }

    /**
     * Parses {@code HTTP-version = "HTTP/" DIGIT "." DIGIT}.
     *
     * @throws HttpException 400 when malformed, 505 when well-formed but neither 1.0 nor 1.1
     */
    public static HttpVersion parse(CharSequence s) {
        if (s.length() != 8 || !s.toString().startsWith("HTTP/") || s.charAt(6) != '.'
                || !isDigit(s.charAt(5)) || !isDigit(s.charAt(7))) {
            throw HttpException.badRequest("Malformed HTTP version");
        }
        if (s.charAt(5) == '1' && s.charAt(7) == '1') {
            return HTTP_1_1;
        }
        if (s.charAt(5) == '1' && s.charAt(7) == '0') {
            return HTTP_1_0;
        }
        throw new HttpException(Status.HTTP_VERSION_NOT_SUPPORTED, "HTTP version not supported");
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    @Override
    public String toString() {
        return text;
    }
}
