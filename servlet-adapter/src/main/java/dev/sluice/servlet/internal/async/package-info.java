/**
 * Callbacks run one at a time with the webapp's class loader, the ReadListener and WriteListener drivers over
 * non-blocking core streams, and the container's daemon threads. Uses only core.
 */
package dev.sluice.servlet.internal.async;
