package dev.sluice.core;

/** Whether a connection carries another request after this exchange (RFC 9112 section 9.3). */
public final class Persistence {
    private Persistence() {
    }

    /**
     * Whether the client asked for the connection to persist: HTTP/1.1 unless it sent {@code Connection: close},
     * HTTP/1.0 only with {@code Connection: keep-alive} (RFC 9112 sections 9.3 and C.2.2).
     */
    public static boolean clientWantsPersistence(RequestHead head) {
        Headers h = head.headers();
        if (h.containsToken("Connection", "close")) {
            return false;
        }
        return head.version() == HttpVersion.HTTP_1_1 || h.containsToken("Connection", "keep-alive");
    }

    /**
     * The decision after an exchange.
     *
     * @param head            the request
     * @param responseHeaders the response's headers (a handler may have set {@code Connection: close})
     * @param framing         the response's framing; close-delimited content ends the connection
     * @param requestNumber   this request's number on its connection, from 1
     * @param maxRequests     the per-connection request limit
     * @param draining        whether the server is stopping
     */
    public static boolean persists(RequestHead head, Headers responseHeaders, ResponseFraming framing,
                                   int requestNumber, int maxRequests, boolean draining) {
        return !draining
                && framing != ResponseFraming.CLOSE
                && requestNumber < maxRequests
                && clientWantsPersistence(head)
                && !responseHeaders.containsToken("Connection", "close");
    }
}
