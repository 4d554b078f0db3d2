package dev.sluice.connector;

/**
 * Told about every response the connector writes itself ({@link Refusal}): its 503s and canned errors, which no
 * handler and no {@link ExchangeListener} sees. The connector keeps no log of its own; the distribution writes
 * these lines to {@code logs/httperr.<date>.log}, as IIS writes HTTPERR.
 *
 * <p>Threading contract: called on the connector's own threads, almost always a selector thread (a worker when
 * it finds a queued request expired or the server draining, or refuses a head at the gate), exactly once per
 * refusal, before the response is written. It must not block: no file or network I/O, no lock held by slow
 * code; one selector thread serves thousands of connections. Hand the event to a buffer and return. It must
 * not throw: an exception is logged and ignored.
 */
@FunctionalInterface
public interface RefusalListener {
    void refused(Refusal refusal);
}
