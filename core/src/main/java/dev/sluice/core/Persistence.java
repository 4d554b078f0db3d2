package dev.sluice.core;

/**
 * Whether a connection carries another request after this exchange (RFC 9112 section 9.3), and if not, why.
 * The reasons are checked in a fixed order so that logs and tests see one stable answer.
 */
public final class Persistence {
    /** The outcome of an exchange for its connection; only {@link #KEEP_ALIVE} persists. */
    public enum Verdict {
        KEEP_ALIVE,
        /** The server is stopping: finish this response, take no more (graceful drain). */
        DRAINING,
        /** The request's content was neither read nor discarded to its end: the next request cannot be found. */
        UNREAD_BODY,
        /** The response content ends when the connection closes (RFC 9112 section 6.3 rule 8). */
        CLOSE_DELIMITED,
        /** The client sent {@code Connection: close} (RFC 9112 section 9.6). */
        CLIENT_CLOSE,
        /** An HTTP/1.0 client that did not ask for {@code keep-alive} (RFC 9112 section 9.3). */
        HTTP_1_0_WITHOUT_KEEP_ALIVE,
        /** The handler set {@code Connection: close} on the response (RFC 9112 section 9.6). */
        HANDLER_CLOSE,
        /** This was the connection's last allowed request ({@code maxKeepAliveRequests}). */
        REQUEST_LIMIT;

        public boolean persists() {
            return this == KEEP_ALIVE;
        }
    }

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
     * The decision after an exchange whose request content was consumed.
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
        return decide(head, responseHeaders, framing, requestNumber, maxRequests, draining, true).persists();
    }

    /**
     * The decision after an exchange, with its reason; the first reason to close, in the order of
     * {@link Verdict}'s constants, wins.
     *
     * @param bodyConsumed whether the request's content was read or discarded to its end (always true for a
     *                     request without content). Pass false after refusing a request whose framing was not
     *                     understood (an {@link HttpException} from {@link BodyFraming}): where its content ends
     *                     is unknown, so nothing after it can be read as a request.
     */
    public static Verdict decide(RequestHead head, Headers responseHeaders, ResponseFraming framing,
                                 int requestNumber, int maxRequests, boolean draining, boolean bodyConsumed) {
        Headers h = head.headers();
        if (draining) {
            return Verdict.DRAINING;
        }
        if (!bodyConsumed) {
            return Verdict.UNREAD_BODY;
        }
        if (framing == ResponseFraming.CLOSE) {
            return Verdict.CLOSE_DELIMITED;
        }
        if (h.containsToken("Connection", "close")) {
            return Verdict.CLIENT_CLOSE;
        }
        if (head.version() == HttpVersion.HTTP_1_0 && !h.containsToken("Connection", "keep-alive")) {
            return Verdict.HTTP_1_0_WITHOUT_KEEP_ALIVE;
        }
        if (responseHeaders.containsToken("Connection", "close")) {
            return Verdict.HANDLER_CLOSE;
        }
        if (requestNumber >= maxRequests) {
            return Verdict.REQUEST_LIMIT;
        }
        return Verdict.KEEP_ALIVE;
    }
}
