/**
 * A request's async state machine ({@link dev.sluice.servlet.internal.async.AsyncState}), callbacks run one at a
 * time with the webapp's class loader, the ReadListener and WriteListener drivers over non-blocking core streams
 * (a failure reaching the AsyncListeners through {@link dev.sluice.servlet.internal.async.IoFailures}), and the
 * AsyncListeners of a cycle, and the container's daemon threads. Uses only core and the servlet API.
 */
package dev.sluice.servlet.internal.async;
