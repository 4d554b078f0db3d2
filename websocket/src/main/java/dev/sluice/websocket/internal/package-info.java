/**
 * The servlet glue between Tyrus' WebSocket engine and Sluice's servlet adapter: per-webapp server container,
 * handshake filter, the upgraded connection's reading and writing, the frame-header checks Tyrus leaves out, the
 * open-session count and the module's threads. Uses only the servlet API, the WebSocket API and Tyrus; nothing of
 * Sluice but its public {@code ContainerModule} seam (in the parent package).
 */
package dev.sluice.websocket.internal;
