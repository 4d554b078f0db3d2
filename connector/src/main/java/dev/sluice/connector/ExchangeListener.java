package dev.sluice.connector;

/**
 * Told about every exchange the connector completes: the access log, per-webapp figures. Called on the thread
 * that completed the exchange (a worker, or the application's thread for a suspended one) once its response is
 * complete (a pipelined response may still be held back to go out in one write with the next), exactly once per
 * exchange that reached a handler. 503s the connector answers itself are counted in its metrics, not reported
 * here. It must be quick and must not throw: an
 * exception is logged and ignored.
 */
@FunctionalInterface
public interface ExchangeListener {
    void exchangeCompleted(ExchangeRecord record);
}
