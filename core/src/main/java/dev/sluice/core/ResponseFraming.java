package dev.sluice.core;

/** How a response's content is delimited on the wire (RFC 9112 section 6.3), decided when it is committed. */
public enum ResponseFraming {
    /** No content at all: HEAD, 1xx, 204, 304 and 2xx to CONNECT (RFC 9112 section 6.3 rules 1 and 2). */
    NONE,
    /** A Content-Length header gives the exact length. */
    LENGTH,
    /** Chunked transfer coding, HTTP/1.1 only (RFC 9112 section 7.1). */
    CHUNKED,
    /** Content ends when the connection closes: the only choice for unknown length on HTTP/1.0. */
    CLOSE;

    /**
     * Decides framing, in the order of RFC 9112 section 6.3:
     * <ol>
     * <li>HEAD, 1xx, 204 and 304 never have content, whatever the handler wrote or declared (rule 1);</li>
     * <li>a 2xx to CONNECT switches to a tunnel: no content (rule 2);</li>
     * <li>a declared Content-Length, or content complete at commit, is sent as Content-Length (rule 6);</li>
     * <li>otherwise chunked on HTTP/1.1 (rule 4) and close-delimited on HTTP/1.0 (rule 8), since a 1.0 client
     *     does not understand chunked (section 7).</li>
     * </ol>
     *
     * @param method          the request's method
     * @param version         the request's version (the response is sent in the highest version both speak)
     * @param status          the response status
     * @param declaredLength  a Content-Length the handler set, or -1
     * @param completedLength the whole content's length when it is complete at commit time, or -1
     */
    public static ResponseFraming decide(Method method, HttpVersion version, Status status, long declaredLength,
                                         long completedLength) {
        if (status.forbidsContent() || method.equals(Method.HEAD)
                || (method.equals(Method.CONNECT) && status.isSuccess())) {
            return NONE;
        }
        if (declaredLength >= 0 || completedLength >= 0) {
            return LENGTH;
        }
        return version == HttpVersion.HTTP_1_1 ? CHUNKED : CLOSE;
    }
}
