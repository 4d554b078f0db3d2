/**
 * Dispatch rules that need no request state: the requests a webapp has in hand (its limit, the count undeploy
 * waits for) and which error page an exception or status selects. Uses deploy's descriptor model and the servlet
 * API. The dispatching itself (invoker, filter chains, request dispatcher) works on the runtime's request and
 * stays there.
 */
package dev.sluice.servlet.internal.dispatch;
