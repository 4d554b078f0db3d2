/**
 * Dispatch rules that need no request state: which error page an exception or status selects. Uses deploy's
 * descriptor model and the servlet API. The dispatching itself (invoker, filter chains, request dispatcher) needs
 * the runtime's request and stays there.
 */
package dev.sluice.servlet.internal.dispatch;
