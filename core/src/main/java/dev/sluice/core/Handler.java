package dev.sluice.core;

/**
 * What the connector calls for every request whose head is complete and valid.
 *
 * <p><b>Threading.</b> Called on a worker thread of the connector's pool, never on a selector thread, so it may
 * block (reading the body, writing content, calling application code). Called concurrently for different
 * requests; never concurrently for requests of one connection: pipelined requests wait their turn.
 *
 * <p><b>Completion.</b> Called exactly once per request. When it returns, the exchange is complete: the
 * connector commits and frames the response, drains an unread body within its bound and moves on to the next
 * request of the connection. If the handler called {@link Response#suspend()}, the exchange instead completes
 * when {@link Response#complete()} is called.
 *
 * <p><b>Failure.</b> An exception thrown before the response is committed becomes a 500 (or the status of an
 * {@link HttpException}); after commit the connection is closed, since the client can no longer be told.
 */
@FunctionalInterface
public interface Handler {
    void handle(Request request, Response response) throws Exception;
}
