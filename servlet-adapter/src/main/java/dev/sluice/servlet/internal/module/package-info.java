/**
 * The container modules (JSP, WebSocket, ...) found on the server's class path: their shared API packages and
 * their initializers for each webapp. Uses only the public {@code ContainerModule} type and the servlet API.
 */
package dev.sluice.servlet.internal.module;
