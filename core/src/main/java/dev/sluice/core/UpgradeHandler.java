package dev.sluice.core;

/**
 * Takes over a connection that switched protocols (RFC 9110 section 7.8). Registered with
 * {@link Response#upgrade(UpgradeHandler)} while the handler runs.
 *
 * <p><b>Threading and call-once.</b> Called exactly once, on a worker thread, after the handler returned and the
 * connector sent the 101 (Switching Protocols) head. Not called when the upgrade could not happen (the response
 * was committed otherwise, or the connection failed); then the connection is closed.
 */
@FunctionalInterface
public interface UpgradeHandler {
    void upgraded(UpgradedConnection connection);
}
