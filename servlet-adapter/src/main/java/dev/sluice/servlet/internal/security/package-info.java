/**
 * Security constraints (Servlet 6.1 chapter 13): what web.xml, {@code @ServletSecurity} and
 * {@code setServletSecurity} demand of a request. Uses deploy's descriptor model and mapping's url-pattern rule.
 */
package dev.sluice.servlet.internal.security;
