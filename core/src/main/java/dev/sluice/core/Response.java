package dev.sluice.core;

import java.io.OutputStream;

/**
 * The response to one {@link Request}. Status and headers may change until the response is committed: when the
 * buffered content first overflows {@link #bufferSize()}, on {@link OutputStream#flush()}, or when the exchange
 * completes. The connector decides framing at commit (see {@link ResponseFraming}): a Content-Length header
 * set by the handler is honoured; content that completes inside the buffer gets an exact Content-Length.
 *
 * <p>Used by one thread at a time, like its {@link Request}.
 */
public interface Response {
    Status status();

    /** Sets the status; ignored once committed. */
    void setStatus(Status status);

    /** The response header fields; changes after commit have no effect on the wire. */
    Headers headers();

    /**
     * The content stream. Writes go to a buffer of {@link #bufferSize()} bytes; past it, the head is committed
     * and content streams to the client, blocking while the client is slow to read (up to the write timeout).
     * Closing the stream ends the content. Writes for a response that must not have content (HEAD, 204, 304)
     * are counted but not sent.
     */
    OutputStream body();

    boolean isCommitted();

    int bufferSize();

    /** @throws IllegalStateException once content has been written or the response is committed */
    void setBufferSize(int size);

    /** Discards buffered content, keeping status and headers. @throws IllegalStateException if committed */
    void resetBuffer();

    /** Discards buffered content, headers and status. @throws IllegalStateException if committed */
    void reset();

    /**
     * Trailer fields to send after chunked content (RFC 9112 section 7.1.2); filled by the handler before the
     * exchange completes. Ignored when the response is not chunked.
     */
    Headers trailers();

    /**
     * Keeps the exchange open after {@link Handler#handle} returns, and gives the worker thread back to the pool.
     * The exchange then ends when {@link #complete()} is called, from any thread. Call at most once, from the
     * handler's thread, before it returns.
     */
    void suspend();

    /** Whether {@link #suspend()} was called. */
    boolean isSuspended();

    /**
     * Ends a suspended exchange: flushes and frames what is left, then lets the connection go on to its next
     * request. Idempotent; has no effect on an exchange that was not suspended.
     */
    void complete();

    /**
     * Switches {@link #body()} to non-blocking writes for the rest of the exchange. Only on a suspended
     * exchange; returns the same object on every call. When the exchange completes with output still held, the
     * connector finishes sending it without holding a thread, then goes on to the next request.
     *
     * @throws IllegalStateException when the exchange is not suspended
     * @throws UnsupportedOperationException when the connector does not support non-blocking I/O
     */
    default NonBlockingOutput nonBlockingBody() {
        throw new UnsupportedOperationException("Non-blocking writing is not supported here");
    }

    /**
     * Asks to switch the connection to another protocol once the handler returns (RFC 9110 section 7.8): the
     * connector then sends this response's status and headers as a 101 (Switching Protocols) head (adding
     * {@code Connection: Upgrade}), takes the connection out of HTTP processing and calls {@code handler} with
     * it. Call from the handler's thread before it returns, before anything is committed, on an HTTP/1.1
     * request that carries an {@code Upgrade} header; not with {@link #suspend()}.
     *
     * @throws IllegalStateException when the request cannot be upgraded or the response is committed
     * @throws UnsupportedOperationException when the connector does not support upgrades
     */
    default void upgrade(UpgradeHandler handler) {
        throw new UnsupportedOperationException("Protocol upgrade is not supported here");
    }
}
