/**
 * URL-pattern mapping (Servlet 6.1 chapter 12) and the {@code HttpServletMapping} it yields, generic over what a
 * pattern maps to. Uses nothing else of the adapter.
 */
package dev.sluice.servlet.internal.mapping;
