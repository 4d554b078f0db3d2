/**
 * HttpSession (Servlet 6.1 chapter 7): the session manager with expiry and events, the session, its cookie
 * settings, the default in-memory store, and sessions kept outside the heap (a file per session, or a module's
 * store such as Redis) with their serialization. Uses component, deploy, module (to find a module's store) and
 * the API's SessionStore and SessionPersistence.
 */
package dev.sluice.servlet.internal.session;
