/**
 * HttpSession (Servlet 6.1 chapter 7): the session manager with expiry and events, the session, its cookie
 * settings, the default in-memory store. Uses component, deploy and the API's SessionStore.
 */
package dev.sluice.servlet.internal.session;
