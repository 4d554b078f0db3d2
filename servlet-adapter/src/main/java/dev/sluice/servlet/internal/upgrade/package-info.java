/**
 * Upgraded connections (Servlet 6.1 section 2.3.3.5): the WebConnection, its streams and the handler's
 * lifecycle. Uses async and component.
 */
package dev.sluice.servlet.internal.upgrade;
