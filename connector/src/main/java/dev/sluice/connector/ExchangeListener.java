package dev.sluice.connector;

/**
 * Told about every exchange the connector completes: the access log, per-webapp figures. Called on the thread
 * that completed the exchange (a worker, or the application's thread for a suspended one) after the response
 * was written, exactly once per exchange that reached a handler. It must be quick and must not throw: an
 * exception is logged and ignored.
 */
@FunctionalInterface
public interface ExchangeListener {
    void exchangeCompleted(ExchangeRecord record);
}
