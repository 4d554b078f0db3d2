/**
 * multipart/form-data (RFC 7578): the resumable parser, part headers, uploads in memory or temporary files, and
 * the typed failures (400, 413). Uses http.
 */
package dev.sluice.servlet.internal.multipart;
