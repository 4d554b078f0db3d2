/**
 * The caps on what one client can make a webapp hold (sessions, multipart parts and their headers, cookies,
 * upgraded connections): their settings, their fixed identities with status and reason, and the
 * counters of refusals. Depends on no other part of the adapter.
 */
package dev.sluice.servlet.internal.caps;
