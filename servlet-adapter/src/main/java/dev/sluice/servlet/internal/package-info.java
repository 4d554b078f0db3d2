/**
 * The webapp runtime: one deployed webapp ({@code WebApp}, its ServletContext, servlet and filter holders) and
 * the request path through it (request and response, dispatch, error pages, security, AsyncContext). Uses every
 * part beneath it; no part uses it, except through {@code component.AppScope}.
 */
package dev.sluice.servlet.internal;
