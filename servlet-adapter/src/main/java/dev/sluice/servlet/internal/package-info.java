/**
 * The webapp runtime: one deployed webapp ({@code WebApp}, its ServletContext, servlet and filter holders and
 * registries) and the request path through it (request and response, invoker, dispatcher, filter chain, error
 * pages, authenticator, AsyncContext, upgrade). These classes read each other's state, so they share a package.
 * Uses every part beneath it; no part uses it, except through {@code component.AppScope} and
 * {@code security.SecuredServlet}.
 */
package dev.sluice.servlet.internal;
