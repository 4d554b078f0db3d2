package dev.sluice.core;

/** How a response's content is delimited on the wire (RFC 9112 section 6.3), decided when it is committed. */
public enum ResponseFraming {
    /** No content at all: HEAD, 1xx, 204 and 304 (RFC 9110 section 6.4.1). */
    NONE,
    /** A Content-Length header gives the exact length. */
    LENGTH,
    /** Chunked transfer coding, HTTP/1.1 only (RFC 9112 section 7.1). */
    CHUNKED,
    /** Content ends when the connection closes: the only choice for unknown length on HTTP/1.0. */
    CLOSE;

    /**
     * Decides framing.
     *
     * @param method          the request's method
     * @param version         the request's version (the response is sent in the highest version both speak)
     * @param status          the response status
     * @param declaredLength  a Content-Length the handler set, or -1
     * @param completedLength the whole content's length when it is complete at commit time, or -1
     */
    public static ResponseFraming decide(Method method, HttpVersion version, Status status, long declaredLength,
                                         long completedLength) {
        if (status.forbidsContent() || method.equals(Method.HEAD)) {
            return NONE;
        }
        if (declaredLength >= 0 || completedLength >= 0) {
            return LENGTH;
        }
        return version == HttpVersion.HTTP_1_1 ? CHUNKED : CLOSE;
    }
}
